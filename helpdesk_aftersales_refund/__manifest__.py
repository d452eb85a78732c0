{
    "name": "Helpdesk After-Sales: Refunds",
    "version": "18.0.1.1.0",
    "summary": "Refund a customer with a credit note from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "helpdesk_aftersales_sale", "account"],
    "data": [
        "security/ir.model.access.csv",
        "security/helpdesk_aftersales_refund_security.xml",
        "data/mail_template_notify.xml",
        "wizard/account_move_reversal_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/account_move_views.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_refund_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_refund/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_account", "helpdesk_stock_account"],
    "installable": True,
}
