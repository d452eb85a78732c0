from . import helpdesk_stock_return, stock_return_picking
