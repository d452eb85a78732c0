from . import account_move_line, stock_picking_loop
