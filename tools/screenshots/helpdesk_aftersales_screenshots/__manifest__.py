{
    "name": "Helpdesk After-Sales: screenshots",
    "version": "18.0.1.0.0",
    "summary": "Test-only: the README's screenshots, taken by browser tours on the demo data",
    "category": "Hidden",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": [
        "helpdesk_aftersales_refund",
        "helpdesk_aftersales_coupon",
        "helpdesk_aftersales_return",
        "helpdesk_aftersales_repair",
        "helpdesk_aftersales_fsm",
    ],
    "assets": {
        "web.assets_tests": [
            "helpdesk_aftersales_screenshots/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
