{
    "name": "Helpdesk After-Sales: Return and Refund",
    "version": "18.0.1.1.0",
    "summary": "Return products and credit what was invoiced of them from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_return", "helpdesk_aftersales_refund"],
    "data": [
        "views/account_move_views.xml",
        "views/helpdesk_team_views.xml",
        "wizard/helpdesk_stock_return_views.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_return_refund_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_return_refund/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_account", "helpdesk_stock", "helpdesk_stock_account"],
    "installable": True,
    "auto_install": True,
}
