from . import helpdesk_stock_return
