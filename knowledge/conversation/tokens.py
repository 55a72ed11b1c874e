"""The unsubscribe link in every digest: a signed token naming the member, usable without login.

Signed with the site's SECRET_KEY (django.core.signing), so nobody can forge another member's
link; it never expires, as an old e-mail's link must still work.
"""

from django.core import signing

SALT = "praksisnet.conversation.unsubscribe"


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=SALT)


def user_id_from_token(token):
    """The member's id in a token, or None when the token was not made by this site."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
