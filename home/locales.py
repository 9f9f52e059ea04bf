"""Choosing among the translations of translatable objects (pages and snippets alike)."""


def one_per_translation_key(objects, locale_id):
    """One object per translation key: the one in ``locale_id`` if there is one."""
    chosen = {}
    for obj in objects:
        if obj.translation_key not in chosen or obj.locale_id == locale_id:
            chosen[obj.translation_key] = obj
    return list(chosen.values())
