"""The ``nghiquyet`` console command.

``nghiquyet parse`` reads documents without starting Django (it is pure
``nghiquyet.text``); every other sub-command is a Django management command,
so ``nghiquyet migrate``, ``nghiquyet serve``, ``nghiquyet loaddemo``,
``nghiquyet import`` and ``nghiquyet createsuperuser`` all work.
"""

import os
import sys

# Names users type that are not valid Python module names.
COMMAND_ALIASES = {"import": "import_documents"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else "help"
    if command == "parse":
        from nghiquyet.text.cli import parse_main

        return parse_main(argv[2:])
    argv[1:2] = [COMMAND_ALIASES.get(command, command)] if len(argv) > 1 else []
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
