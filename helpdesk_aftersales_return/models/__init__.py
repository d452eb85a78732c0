from . import helpdesk_return_reason, helpdesk_team, helpdesk_ticket, stock_move, stock_picking
