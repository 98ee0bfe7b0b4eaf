"""Every write and rule of report forms (design.md §4), by concern:

- `definitions`  saving a definition (checked by the engine, versioned once in use), the built-in ones;
- `periods`      reporting periods and their due dates;
- `prefill`      a submission's starting values from the registries' prefill sources;
- `workflow`     locks, permissions, open, save, fill again, submit, approve, return, reopen, lock exceptions;
- `reminders`    e-mails of reports due or overdue;
- `attachments`  photos and files proving a row.

Reads are in `reports.selectors`. The names below are the workflow's public surface, so that a caller
writes ``services.submit(...)`` whatever module the function lives in.
"""

from reports.services.attachments import attach
from reports.services.definitions import load_builtin_forms, save_definition
from reports.services.periods import ensure_periods, generate_periods
from reports.services.prefill import prefill
from reports.services.reminders import send_reminders
from reports.services.workflow import (
    VersionConflict,
    approve,
    grant_lock_exception,
    lock_reason,
    may_grant_lock_exception,
    open_submission,
    permissions,
    refill,
    reopen,
    return_submission,
    save_draft,
    submit,
)

__all__ = [
    "VersionConflict", "approve", "attach", "ensure_periods", "generate_periods", "grant_lock_exception",
    "load_builtin_forms", "lock_reason", "may_grant_lock_exception", "open_submission", "permissions",
    "prefill", "refill", "reopen", "return_submission", "save_definition", "save_draft", "send_reminders",
    "submit",
]
