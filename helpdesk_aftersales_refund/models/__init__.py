from . import (
    account_move,
    account_move_line,
    account_move_notify,
    helpdesk_ticket,
)
