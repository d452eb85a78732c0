from . import helpdesk_ticket, repair_order, stock_picking_loop
