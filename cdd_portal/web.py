"""Small helpers that the pages of every app share."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def back_to(request, default: str, *args):
    """Where to go after a form: the page's own `next`, only when it points inside this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect(default, *args)


def add_errors(form, exc: ValidationError) -> None:
    """A service's ValidationError shown on the form: on its field when the form has one, else on top."""
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
