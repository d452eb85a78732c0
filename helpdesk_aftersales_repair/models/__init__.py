from . import helpdesk_ticket, repair_order, sale_order, stock_picking
