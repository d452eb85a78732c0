from . import account_move, account_move_line, helpdesk_ticket
