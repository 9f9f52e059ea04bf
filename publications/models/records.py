"""What the OAI-PMH provider remembers of works that are no longer published.

OAI-PMH 2.0 (section 2.5.1) lets a repository say ``deletedRecord=persistent`` only if it keeps
every withdrawn record's identifier for good: a harvester that copied a work learns that it is
gone instead of keeping a dead copy. A work is withdrawn when its last live version is
unpublished or deleted (publications.signals); publishing a version again takes it back.
"""

from django.db import models


class WithdrawnWork(models.Model):
    translation_key = models.UUIDField(unique=True)
    # The page id the work's record was listed under (its OAI identifier) and the set it was in.
    record_pk = models.PositiveIntegerField(db_index=True)
    set_spec = models.CharField(max_length=100, blank=True)
    withdrawn_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"publication/{self.record_pk}"
