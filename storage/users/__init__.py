"""Users, roles and registrations: who may do what in the bot.

Roles: resident (default, read only), officer (approved, linked to parties),
leader (linked to a directing party), admin (configured or granted).
Every change is written to the audit log in the same transaction.

One package, one module per seam; this module names what the others use
(`from storage.users import UserInfo`, `users.add_user(...)`):

- core: UserInfo, LocalityInfo, roles and their Vietnamese names, lookups
- localities: finding and choosing a place, the digest subscription
- links: a user's links to parties, stated and never accumulated
- parties: finding a plan's party from any spelling that names one
- registration: /dangky requests and the admin's decision
- roster: `planbot users add|import|revoke|list`"""

from __future__ import annotations

from storage.users.core import (
    ADMIN_NAME,
    ROLE_NAMES,
    SPECIAL_SENDER_IDS,
    LocalityInfo,
    PartyInfo,
    UserError,
    UserInfo,
    admin_chat_ids,
    ensure_user,
    get_user,
    is_special_sender,
    menu_roles,
    officer_names,
    role_name,
)
from storage.users.links import (
    LinkChange,
    set_links,
)
from storage.users.localities import (
    find_localities,
    is_exact_locality,
    list_localities,
    locality_by_id,
    locality_by_key,
    locality_in_text,
    locality_info,
    mark_inactive,
    set_locality,
    set_subscription,
    single_exact_locality,
)
from storage.users.parties import (
    SIGNER_TITLE,
    PartyListing,
    candidate_parties,
    list_parties,
    match_parties,
    party_match_score,
)
from storage.users.registration import (
    Decision,
    Registration,
    decide_registration,
    pending_registration,
    pending_registration_of,
    request_parties,
    request_registration,
)
from storage.users.roster import (
    ROSTER_COLUMNS,
    Assignment,
    ImportResult,
    RosterEntry,
    RosterRow,
    add_user,
    import_roster,
    list_roles,
    merge_rows,
    parse_roster_row,
    revoke_user,
)

__all__ = [
    "ADMIN_NAME",
    "ROLE_NAMES",
    "ROSTER_COLUMNS",
    "SIGNER_TITLE",
    "SPECIAL_SENDER_IDS",
    "Assignment",
    "Decision",
    "ImportResult",
    "LinkChange",
    "LocalityInfo",
    "PartyInfo",
    "PartyListing",
    "Registration",
    "RosterEntry",
    "RosterRow",
    "UserError",
    "UserInfo",
    "add_user",
    "admin_chat_ids",
    "candidate_parties",
    "decide_registration",
    "ensure_user",
    "find_localities",
    "get_user",
    "import_roster",
    "is_exact_locality",
    "is_special_sender",
    "list_localities",
    "list_parties",
    "list_roles",
    "locality_by_id",
    "locality_by_key",
    "locality_in_text",
    "locality_info",
    "mark_inactive",
    "match_parties",
    "menu_roles",
    "merge_rows",
    "officer_names",
    "parse_roster_row",
    "party_match_score",
    "pending_registration",
    "pending_registration_of",
    "request_parties",
    "request_registration",
    "revoke_user",
    "role_name",
    "set_links",
    "set_locality",
    "set_subscription",
    "single_exact_locality",
]
