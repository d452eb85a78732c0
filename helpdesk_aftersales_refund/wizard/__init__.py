from . import account_move_reversal, helpdesk_refund_line
