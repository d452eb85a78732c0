from . import account_move, helpdesk_ticket
