"""Named people for permission tests: two teams' managers, a staff admin, a group admin.

- maria manages team Alpha, bob manages team Beta;
- ada is staff (an admin); gina is in the "Admins" group (an admin without staff).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from uploads import access
from uploads.models import Row, Team, Upload

PASSWORD = "correct horse 7"


def make_people() -> dict:
    users = get_user_model()
    alpha, beta = Team.objects.create(name="Alpha"), Team.objects.create(name="Beta")
    maria = users.objects.create_user("maria", password=PASSWORD)
    bob = users.objects.create_user("bob", password=PASSWORD)
    ada = users.objects.create_user("ada", password=PASSWORD, is_staff=True)
    gina = users.objects.create_user("gina", password=PASSWORD)
    gina.groups.add(Group.objects.get_or_create(name=access.ADMIN_GROUP)[0])
    alpha.members.add(maria)
    beta.members.add(bob)
    return {"alpha": alpha, "beta": beta, "maria": maria, "bob": bob, "ada": ada, "gina": gina}


def item(number: int, **extra) -> dict:
    """A valid API item for ticket T-<number>."""
    return {
        "submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": f"T-{number}",
        "agent_id": "A-01", "score": 5, "min_score": 1, "max_score": 5, **extra,
    }


def make_upload(owner, team, rows: int = 3, status=Upload.Status.READY, columns=None) -> Upload:
    """An upload of `rows` valid rows (numbers 2..) with cells [ticket_id, agent_id, score, comment]."""
    upload = Upload.objects.create(
        owner=owner, team=team, filename="made.csv", file_format="csv",
        columns=columns or ["ticket_id", "agent_id", "score", "comment"], status=status,
        preset={"name": "made", "columns": {"ticket_id": "ticket_id", "agent_id": "agent_id",
                                            "score": "score", "comment": "comment"}},
    )
    Row.objects.bulk_create([
        Row(upload=upload, number=n, cells=[f"T-{n}", "A-01", "5", f"great help {n}"],
            status=Row.Status.VALID, item=item(n, comment=f"great help {n}"))
        for n in range(2, rows + 2)
    ])
    return upload
