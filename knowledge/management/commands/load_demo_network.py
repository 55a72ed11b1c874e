"""python manage.py load_demo_network [--seed N] [--experiments N] [--reset]"""

import time

from django.core.management.base import BaseCommand, CommandError

from knowledge.demo.builder import NetworkBuilder, network_exists


class Command(BaseCommand):
    help = (
        "Build a demo network of Danish municipalities, schools, teacher teams and practice "
        "experiments, with one account per role. Does nothing if a network exists, unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=1, help="Same seed, same network (default 1)."
        )
        parser.add_argument(
            "--experiments", type=int, default=300, help="How many experiments (default 300)."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the existing network (every municipality and everything below it) first.",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index at the end."
        )

    def handle(self, *args, seed, experiments, reset, no_index, verbosity, **options):
        if experiments < 0:
            raise CommandError("--experiments must be 0 or more.")
        builder = NetworkBuilder(
            seed=seed,
            experiments=experiments,
            progress=verbosity > 0,
            index=not no_index,
            log=self.stdout.write,
        )
        if network_exists():
            if not reset:
                self.stdout.write(
                    "A network already exists; nothing was changed. "
                    "Use --reset to delete it and build the demo network again."
                )
                return
            self.stdout.write("Deleting the existing network…")
            builder.reset()
        started = time.monotonic()
        report = builder.build()
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {report.municipalities} municipalities, {report.schools} schools, "
                f"{report.teams} teams, {report.experiments} experiments and "
                f"{report.comments} comments in {time.monotonic() - started:.1f} s."
            )
        )
        self.stdout.write("Demo accounts (role: username / password):")
        for account in report.accounts:
            self.stdout.write(f"  {account.role}: {account.username} / {account.password}")
