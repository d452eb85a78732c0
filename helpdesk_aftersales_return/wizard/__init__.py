from . import helpdesk_stock_return
from . import stock_return_picking
