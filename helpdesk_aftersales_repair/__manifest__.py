{
    "name": "Helpdesk After-Sales: Repairs",
    "version": "18.0.1.2.0",
    "summary": "Send products to repair from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "helpdesk_aftersales_sale_stock", "repair"],
    "data": [
        "security/ir.model.access.csv",
        "security/repair_security.xml",
        "views/helpdesk_ticket_views.xml",
        "views/repair_order_views.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_repair_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_repair/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_repair"],
    "installable": True,
}
