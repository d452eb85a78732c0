from . import helpdesk_ticket, stock_move, stock_picking
