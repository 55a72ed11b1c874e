"""Send the e-mail digests that are due: run it once a day from a scheduler (cron, systemd).

Members who chose "daily" get what happened since their last digest; those who chose "weekly"
get one when a week has passed. A member with nothing new gets no e-mail.
"""

from django.core.management.base import BaseCommand

from knowledge.conversation.digest import send_digests
from knowledge.conversation.models import DigestFrequency


class Command(BaseCommand):
    help = "Send the e-mail digests that are due (run daily from a scheduler)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[DigestFrequency.DAILY, DigestFrequency.WEEKLY],
            help="Only the members who chose this frequency.",
        )

    def handle(self, *args, frequency=None, **options):
        report = send_digests(frequency=frequency)
        self.stdout.write(
            f"Sent {report.sent} digest(s); {report.empty} member(s) had nothing new."
        )
