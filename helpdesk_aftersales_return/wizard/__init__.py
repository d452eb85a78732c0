from . import helpdesk_stock_return, helpdesk_stock_return_line, stock_return_picking
