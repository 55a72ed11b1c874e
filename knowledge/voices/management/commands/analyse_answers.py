"""``manage.py analyse_answers FILE.csv [--json OUT.json]``: the site's theme analysis on a file.

For analysts who have answers in a file, and for measuring the analysis: it runs
``knowledge.voices.analysis.analyse``, the very function the site's background task runs. The
JSON holds ids only; the readable picture shows quotes and unique voices masked (names, e-mail
addresses, phone and CPR numbers), as everything beyond the raw answer list is.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from knowledge.voices.analysis import analyse
from knowledge.voices.analysis.answer_files import AnswerFileError, read_answers_csv
from knowledge.voices.analysis.masking import mask


class Command(BaseCommand):
    help = (
        "Find the themes of the answers in a CSV file (header row; column 'text' required, "
        "'id', 'group' and 'school' optional)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file with a header row")
        parser.add_argument(
            "--json",
            type=Path,
            dest="json_path",
            help="write the themes as JSON to this file instead of printing them",
        )
        parser.add_argument(
            "--words-only",
            action="store_true",
            help="leave out the sentence model (the fallback when it is absent)",
        )

    def handle(self, *args, file, json_path=None, words_only=False, **options):
        if not file.exists():
            raise CommandError(f"{file} does not exist.")
        try:
            answers, _rows = read_answers_csv(file)
        except AnswerFileError as error:
            raise CommandError(str(error)) from error
        kwargs = {"embedder": None} if words_only else {}
        picture = analyse(answers, **kwargs)
        if json_path:
            json_path.write_text(
                json.dumps(picture.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
            self.stdout.write(
                f"{len(picture.themes)} themes, {len(picture.unique_voices)} "
                f"unique voices from {len(answers)} answers: {json_path}"
            )
            return
        self.stdout.write(readable_picture(picture, answers))


def readable_picture(picture, answers):
    texts = {a.id: a.text for a in answers}
    total = max(len(answers), 1)
    lines = [
        f"{len(answers)} answers, {len(picture.themes)} themes"
        + ("" if picture.used_sentence_vectors else " (words only, no sentence model)"),
        "",
    ]
    for number, theme in enumerate(picture.themes, start=1):
        share = 100 * len(theme.answers) / total
        flag = "  [minority]" if theme.minority else ""
        lines.append(f"{number}. {theme.name}: {len(theme.answers)} answers ({share:.0f}%){flag}")
        lines += [f'   "{mask(texts[i])}" ({i})' for i in theme.quotes]
        lines.append("")
    if picture.unique_voices:
        lines.append("Unique voices:")
        lines += [f'   "{mask(texts[i])}" ({i})' for i in picture.unique_voices]
    return "\n".join(lines)
