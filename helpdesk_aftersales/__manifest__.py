{
    "name": "Helpdesk After-Sales",
    "version": "18.0.1.0.0",
    "summary": "Refunds, coupons, returns, repairs and field service from a ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk"],
    "data": [
        "views/helpdesk_team_views.xml",
        "views/helpdesk_ticket_views.xml",
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
    "installable": True,
}
