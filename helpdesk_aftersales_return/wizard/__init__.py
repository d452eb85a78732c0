from . import (
    helpdesk_stock_return,
    helpdesk_stock_return_line,
    helpdesk_stock_return_request,
    stock_return_picking,
)
