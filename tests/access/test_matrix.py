from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .matrix import ScopeMatrix


class TestOrganizationsMatrix(ScopeMatrix):
    list_url = "/api/v1/organizations/"
    page_url = "/organizations/"

    def page_marker(self, obj: Organization) -> str:
        return f'">{obj.name}</a></td>'

    def inside(self) -> Organization:
        return User.objects.get(username="member").person.organization

    def outside(self) -> Organization:
        return Organization.objects.get(name="县教育局机关第一党支部")


class TestPersonsMatrix(ScopeMatrix):
    list_url = "/api/v1/persons/"
    page_url = "/persons/"

    def page_marker(self, obj: Person) -> str:
        # names repeat across a county; the name with its branch does not
        return f"<td>{obj.name}</td><td>{obj.gender}</td><td>{obj.party_status}</td>" \
               f"<td>{obj.organization.name}</td>"

    def inside(self) -> Person:
        return User.objects.get(username="member").person

    def outside(self) -> Person:
        return User.objects.get(username="edu_clerk").person
