"""Accounts, for the tests, the demo and the scale corpus (factory_boy)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# The password of every account a factory makes, unless given.
PASSWORD = "jcmi-test-pass"


class UserFactory(factory.django.DjangoModelFactory):
    """An account; ``groups`` names the groups it joins (made by the migrations)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@jcmi.example")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            # get, not filter: a misspelt group name fails here rather than granting nothing.
            user.groups.add(*(Group.objects.get(name=name) for name in names))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
