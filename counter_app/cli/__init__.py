"""counter-cli: the headless entry point (set-up, demo, catalogue, due dates, receive, lookup, print,
reports, administration, backups).

Every command takes --data-dir and --as, before the subcommand or after it (``counter-cli --data-dir D
demo`` = ``counter-cli demo --data-dir D``; given in both places, the one after wins). A user's mistake
prints one clear Vietnamese line on stderr and exits with status 1; nothing is written half-done (each
command is one transaction).

The modules:

    run.py           main(): arguments checked, data folder opened, the command run, errors → exit status
    parser.py        the top-level parser, --data-dir/--as, the command modules in --help order
    common.py        what the commands share: --as resolved, now, JSON output, exit statuses
    argparse_vi.py   argparse's own messages in Vietnamese; the «số nguyên» converter
    dates.py         dates and instants as an officer types them
    database.py      init, self-test, demo
    catalog.py       catalog import|list|show|export
    dossiers.py      due, receive, lookup, search, events verify
    slips.py         print KIND (the slips as PDF files)
    reports.py       report KIND (PDF, XLSX, CSV)
    users.py         user …          procedures.py   procedure …
    office.py        office …        units.py        unit …
    calendar.py      calendar …      office_setup.py setup --from FILE
    backups.py       backup, backup list, restore, check

The services with heavy stacks (catalogue import, demo, receiving, slips, reports, backups, audit…)
are imported inside the command that uses them, so that a short command such as ``due`` or
``lookup`` does not pay for the others (issue 11: tests/startup/test_light_imports.py).
"""

from counter_app.cli.run import main

__all__ = ["main"]
