from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .matrix import ScopeMatrix


class TestOrganizationsMatrix(ScopeMatrix):
    list_url = "/api/v1/organizations/"

    def inside(self) -> Organization:
        return User.objects.get(username="member").person.organization

    def outside(self) -> Organization:
        return Organization.objects.get(name="县教育局机关第一党支部")


class TestPersonsMatrix(ScopeMatrix):
    list_url = "/api/v1/persons/"

    def inside(self) -> Person:
        return User.objects.get(username="member").person

    def outside(self) -> Person:
        return User.objects.get(username="edu_clerk").person
