"""What an account may do on a shared server, and the sentences for what it may not (the rights
themselves are the server's: ``db.server_roles``). No database imports: the window holds one of
these from its first moment."""

from __future__ import annotations

import dataclasses

READ_ONLY_MESSAGE = "Your account may read but not change records on this server"
ADMIN_ONLY_MESSAGE = "Only an administrator of this server may do that"


@dataclasses.dataclass(frozen=True)
class AccountRights:
    """What the connected account may do, as the database will allow it."""

    read_contacts: bool = True
    write: bool = True
    administer: bool = True

    @property
    def read_only(self) -> bool:
        return not self.write


FULL_RIGHTS = AccountRights()
