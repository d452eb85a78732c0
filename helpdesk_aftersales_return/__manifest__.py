{
    "name": "Helpdesk After-Sales: Returns",
    "version": "18.0.1.1.0",
    "summary": "Return or exchange products from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "helpdesk_aftersales_sale_stock"],
    "data": [
        "security/ir.model.access.csv",
        "security/helpdesk_return_reason_security.xml",
        "data/helpdesk_return_reason_data.xml",
        "report/stock_picking_return_slip_notify.xml",
        "data/mail_template_notify.xml",
        "wizard/helpdesk_stock_return_views.xml",
        "views/helpdesk_return_reason_views.xml",
        "views/helpdesk_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/stock_picking_views.xml",
        "views/stock_move_views.xml",
        "views/helpdesk_portal_templates.xml",
        "views/sale_portal_templates.xml",
        "views/helpdesk_ticket_views_loop.xml",
        "views/helpdesk_portal_templates_loop.xml",
    ],
    "demo": [
        "demo/helpdesk_aftersales_return_demo.xml",
        "demo/helpdesk_aftersales_notify_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_return/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_stock", "helpdesk_stock_account"],
    "installable": True,
}
