"""The data Wagtail's page editor posts for an experiment, for tests that drive the admin views."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def experiment_form_data(
    *,
    title,
    slug,
    summary,
    question,
    team,
    grade_levels,
    subjects,
    findings=(),
    tags="",
    start_date="",
    end_date="",
    members_only=False,
    action=None,
    **extra,
):
    """Form data for the add or edit view; findings are (statement, evidence_kind, evidence)."""
    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "question": question,
        "team": team.pk if team else "",
        "status": "in_progress",
        "start_date": start_date,
        "end_date": end_date,
        "background": rich_text(extra.pop("background", "")),
        "observations": rich_text(""),
        "next_steps": rich_text(""),
        "reflection": rich_text(""),
        "what_we_did-count": "0",
        "picture": "",
        "tags": tags,
        "findings": inline_formset(
            [
                {"statement": statement, "evidence_kind": kind, "evidence": evidence}
                for statement, kind, evidence in findings
            ]
        ),
        "links": inline_formset([]),
        "comments": inline_formset([]),
    }
    if members_only:
        data["members_only"] = "on"
    if action:
        data[f"action-{action}"] = "1"
    data.update(extra)
    posted = nested_form_data(data)
    # Multiple-choice fields post one value per choice (nested_form_data would number them).
    posted["grade_levels"] = [grade.pk for grade in grade_levels]
    posted["subjects"] = [subject.pk for subject in subjects]
    return posted


def experiment_edit_data(page, action=None, **changes):
    """Form data that resubmits an existing experiment, with changes."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "question": page.question,
        "team": page.team,
        "grade_levels": list(page.grade_levels.all()),
        "subjects": list(page.subjects.all()),
        "start_date": page.start_date.isoformat() if page.start_date else "",
        "members_only": page.members_only,
    }
    fields.update(changes)
    return experiment_form_data(action=action, **fields)
