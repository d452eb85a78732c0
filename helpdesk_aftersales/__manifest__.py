{
    "name": "Helpdesk After-Sales",
    "version": "18.0.1.1.0",
    "summary": "Refunds, coupons, returns, repairs and field service from a ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_platform"],
    "data": [
        "views/helpdesk_team_views.xml",
        "views/helpdesk_team_views_notify.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "helpdesk_aftersales/static/src/views/**/*",
        ],
        "web.assets_tests": [
            "helpdesk_aftersales/static/tests/tours/**/*",
        ],
    },
    # Odoo Enterprise's own after-sales modules: the suite is their Community
    # implementation (same team settings); Odoo refuses to install both.
    "excludes": [
        "helpdesk_account",
        "helpdesk_sale_loyalty",
        "helpdesk_stock",
        "helpdesk_repair",
        "helpdesk_fsm",
        "helpdesk_fsm_report",
        "helpdesk_sale",
        "helpdesk_stock_account",
    ],
    "installable": True,
}
