{
    "name": "Helpdesk After-Sales: Sales and Inventory",
    "version": "18.0.1.0.0",
    "summary": "Lot/serial number and warranty on helpdesk tickets, with Sales and Inventory",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_sale", "sale_stock"],
    "data": [
        "views/helpdesk_ticket_views.xml",
        "views/product_template_views.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_sale_stock_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_sale_stock/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_sale", "helpdesk_stock"],
    "installable": True,
    "auto_install": True,
}
