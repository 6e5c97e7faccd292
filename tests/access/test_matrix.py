from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .matrix import BRANCH, INSIDE, ScopeMatrix, member_sees


class TestOrganizationsMatrix(ScopeMatrix):
    list_url = "/api/v1/organizations/"
    page_url = "/organizations/"

    def page_marker(self, obj: Organization) -> str:
        return f'data-testid="organization-{obj.pk}"'

    # A member sees their own branch (ScopeFields.member_branch): "inside" is that branch too.
    sees = member_sees(INSIDE, BRANCH)

    def inside(self) -> Organization:
        return User.objects.get(username="member").person.organization

    def branch(self) -> Organization:
        return self.inside()

    def outside(self) -> Organization:
        return Organization.objects.get(name="县教育局机关第一党支部")


class TestPersonsMatrix(ScopeMatrix):
    list_url = "/api/v1/persons/"
    page_url = "/persons/"

    def page_marker(self, obj: Person) -> str:
        # names repeat across a county; the row's id does not
        return f'data-testid="person-{obj.pk}"'

    # A member sees their own person record, not the colleagues of their branch.
    sees = member_sees(INSIDE)

    def inside(self) -> Person:
        return User.objects.get(username="member").person

    def branch(self) -> Person:
        return User.objects.get(username="finance_clerk").person

    def outside(self) -> Person:
        return User.objects.get(username="edu_clerk").person
