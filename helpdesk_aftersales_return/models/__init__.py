from . import (
    helpdesk_return_reason,
    helpdesk_return_request_line,
    helpdesk_team,
    helpdesk_ticket,
    res_company,
    sale_order,
    stock_move,
    stock_picking,
    stock_picking_replacement,
)
