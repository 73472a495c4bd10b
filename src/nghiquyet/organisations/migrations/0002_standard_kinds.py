from django.db import migrations

from nghiquyet.organisations.kinds import ensure_standard_kinds


def create_standard_kinds(apps, schema_editor):
    ensure_standard_kinds(apps.get_model("organisations", "UnitKind"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(create_standard_kinds, migrations.RunPython.noop)]
