from . import account_move, account_move_line, helpdesk_team, stock_move_replacement, stock_picking
