from . import (
    helpdesk_return_reason,
    helpdesk_return_request_line,
    helpdesk_team,
    helpdesk_ticket,
    helpdesk_ticket_loop,
    res_company,
    sale_order,
    stock_move,
    stock_picking,
    stock_picking_loop,
)
