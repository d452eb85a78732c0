import html as html_entities
import os
import re

import polib
from lxml import html

from odoo import Command
from odoo.modules.module import get_module_path
from odoo.tests import Form, new_test_user

from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

TAG = re.compile(r"<[^>]+>")
CATALOGUES = {"de_DE": "de", "zh_CN": "zh_CN"}
PLACEHOLDER = re.compile(r"%\([A-Za-z_0-9]+\)[sdf]|%[sdf]|\{[A-Za-z_0-9.]*\}")


def _visible(text):
    """A catalogue's string as the page shows it: no tags, entities read,
    whitespace collapsed."""
    return " ".join(html_entities.unescape(TAG.sub(" ", text)).split())


def _english_pattern(msgid):
    """A pattern finding ``msgid`` in a page's text: whole words, any text in
    place of its placeholders."""
    parts = [re.escape(part) for part in PLACEHOLDER.split(msgid)]
    body = ".{0,60}?".join(parts).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![\w-]){body}(?![\w-])")


class AftersalesPortalLanguagesCase:
    """Mixin for an ``HttpCase``: the portal pages of the suite read in German and
    Chinese, as a customer sees them once the language is installed."""

    PORTAL_LANGS = ("de_DE", "zh_CN")

    @classmethod
    def _setup_portal_languages(cls, core=None):
        """Install German and Chinese as *Settings ‣ Languages ‣ Add* does (the
        catalogues of every installed module, core's included: the page chrome is
        core's) and offer them on the website. ``core``: load only the suite's
        catalogues and those of these core modules (faster, for a block of a
        page whose values come from these modules)."""
        langs = cls.env["res.lang"].browse()
        for code in cls.PORTAL_LANGS:
            langs |= cls.env["res.lang"]._activate_lang(code)
        if core is None:
            install = cls.env["base.language.install"].create(
                {"lang_ids": [Command.set(langs.ids)]}
            )
            install.lang_install()
        else:
            modules = cls._suite_modules() + list(core)
            cls.env["ir.module.module"]._load_module_terms(modules, list(cls.PORTAL_LANGS))
        cls.env["website"].search([]).language_ids |= langs

    @classmethod
    def _suite_modules(cls):
        """The installed modules of the suite, and the helpdesk stand-in."""
        modules = cls.env["ir.module.module"].search(
            [
                ("state", "=", "installed"),
                "|",
                ("name", "=", "helpdesk"),
                ("name", "=like", "helpdesk_aftersales%"),
            ]
        )
        return modules.mapped("name")

    @classmethod
    def _suite_english(cls, lang):
        """``[(pattern, msgid)]``: the English strings of the suite's catalogues
        (its modules and the helpdesk stand-in) that ``lang`` translates to
        other words, as patterns that find them in a page's text."""
        found = {}
        for module in cls._suite_modules():
            path = os.path.join(get_module_path(module), "i18n", f"{CATALOGUES[lang]}.po")
            for entry in polib.pofile(path).translated_entries():
                msgid, msgstr = _visible(entry.msgid), _visible(entry.msgstr)
                # Strings of placeholders, signs and short words ("%(kind)s: %(count)s",
                # "%(quantity)s %(uom)s of %(product)s") are found in any text.
                if msgid != msgstr and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", msgid)):
                    found.setdefault(msgid, _english_pattern(msgid))
        return [(pattern, msgid) for msgid, pattern in found.items()]

    @classmethod
    def _without_helpdesk_words(cls, text):
        """``text`` without the words of a helpdesk that is not the suite's
        (helpdesk_mgmt: its page, its catalogues, e.g. "Create Date"), which
        the suite does not translate: its own strings are looked for in the
        rest."""
        helpdesks = cls.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "helpdesk%")]
        )
        words = set()
        for module in set(helpdesks.mapped("name")) - set(cls._suite_modules()):
            path = os.path.join(get_module_path(module), "i18n", f"{module}.pot")
            if os.path.isfile(path):
                words |= {_visible(entry.msgid) for entry in polib.pofile(path)}
        for word in sorted(filter(None, words), key=len, reverse=True):
            text = _english_pattern(word).sub(" ", text)
        return text

    def portal_text(self, url, login, lang, region=None, title=True):
        """The text a customer reads on ``url`` in ``lang`` (tooltips and
        placeholders too), only inside the element ``region`` (an id) if given,
        with the browser's title unless ``title`` is False (a core page's)."""
        self.authenticate(login, login)
        url_code = self.env["res.lang"]._lang_get(lang).url_code
        response = self.url_open(f"/{url_code}{url}", timeout=60)
        self.assertEqual(response.status_code, 200, url)
        page = html.fromstring(response.text)
        tree = page.get_element_by_id(region) if region else page.body
        for hidden in tree.xpath(".//script|.//style|.//noscript|.//template"):
            hidden.drop_tree()
        texts = [tree.text_content()]
        texts += tree.xpath(".//@title|.//@placeholder|.//@alt|.//@aria-label")
        if title and not region:
            texts += page.xpath("//head/title/text()")
        return " ".join(" ".join(texts).split())

    def assertPortalPageTranslated(self, url, login, region=None, title=True):
        """In German and Chinese, ``url`` shows no English string of the suite
        (``region``, ``title``: see ``portal_text``)."""
        for lang in self.PORTAL_LANGS:
            text = self._without_helpdesk_words(self.portal_text(url, login, lang, region, title))
            english = [
                f"{msgid!r} in “…{text[max(match.start() - 40, 0) : match.end() + 40]}…”"
                for pattern, msgid in self._suite_english(lang)
                if (match := pattern.search(text))
            ]
            if english:
                self.fail(f"{url} in {lang}: English of the suite: " + "; ".join(english))


class AftersalesPortalCase(AftersalesPortalLanguagesCase):
    """Mixin for the tests of a ticket's After-Sales block on the portal (an
    ``HttpCase`` with ``HelpdeskAftersalesCase``): the set-up's customer
    (``aftersales_customer``, customer A) and another customer (B), each with
    a portal user and a ticket. Call ``cls._setup_aftersales_portal()`` after
    ``cls._setup_aftersales()``."""

    @classmethod
    def _setup_aftersales_portal(cls):
        cls.portal_customer = cls.aftersales_customer
        cls.portal_user = new_test_user(
            cls.env,
            login="portal_customer_a",
            groups="base.group_portal",
            partner_id=cls.portal_customer.id,
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Gemini Furniture", "email": "gemini@example.com"}
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            login="portal_customer_b",
            groups="base.group_portal",
            partner_id=cls.other_customer.id,
        )
        with Form(cls.env["helpdesk.ticket"]) as ticket_form:
            ticket_form.name = "The table wobbles"
            ticket_form.team_id = cls.aftersales_team
            ticket_form.partner_id = cls.other_customer
            for name, value in TICKET_REQUIRED_VALUES.items():
                setattr(ticket_form, name, value)
        cls.other_ticket = ticket_form.record

    def ticket_page(self, ticket, login, access_token=None):
        """The portal page of ``ticket`` as ``login`` (None: a visitor, with
        ``access_token``), after redirects."""
        self.authenticate(login, login)
        url = f"/my/ticket/{ticket.id}"
        if access_token:
            url += f"?access_token={access_token}"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response

    def assertPageShows(self, page, *texts):
        for text in texts:
            if str(text) not in page.text:
                self.fail(f"{page.url}: {text!r} not on the page")

    def assertPageHides(self, page, *texts):
        for text in texts:
            if str(text) in page.text:
                self.fail(f"{page.url}: {text!r} on the page")

    def assertStatusBadge(self, page, block_id, status, tone):
        """The After-Sales block ``block_id`` of ``page`` shows ``status`` in
        a coloured badge (``text-bg-<tone>``), as core's portal pages do."""
        block = page.text.split(f'id="{block_id}"', 1)[-1]
        badges = re.findall(
            r'class="badge rounded-pill text-bg-(\w+) o_aftersales_portal_status"[^>]*>'
            r"\s*([^<]*?)\s*<",
            block,
        )
        self.assertIn((tone, status), badges, f"{page.url}: the badges of #{block_id}")

    def assertOnlyCustomerSees(self, ticket, *texts):
        """Customer A sees ``texts`` on ``ticket``'s page; B sees none of them,
        neither on B's own ticket nor through a direct URL to A's ticket (which
        leads back to the portal home)."""
        page = self.ticket_page(ticket, "portal_customer_a")
        self.assertPageShows(page, 'id="ticket_aftersales"', *texts)
        own = self.ticket_page(self.other_ticket, "portal_customer_b")
        self.assertPageHides(own, 'id="ticket_aftersales"', *texts)
        forged = self.ticket_page(ticket, "portal_customer_b")
        self.assertTrue(forged.url.endswith("/my"), forged.url)
        self.assertPageHides(forged, 'id="ticket_aftersales"', *texts)
        return page

    # Every route of the suite, as another customer (issue 26) -------------

    def aftersales_suite_routes(self):
        """The URL rules the installed addons of the suite add (their
        controllers' routes), from Odoo's routing map."""
        from .common_access import aftersales_suite_modules

        prefixes = tuple(f"odoo.addons.{m}." for m in aftersales_suite_modules(self.env))
        routes = []
        for rule in self.env["ir.http"].routing_map().iter_rules():
            endpoint = getattr(rule.endpoint, "original_endpoint", rule.endpoint)
            endpoint = getattr(endpoint, "func", endpoint)  # functools.partial
            if getattr(endpoint, "__module__", "").startswith(prefixes):
                routes.append(rule)
        return routes

    def assertRoutesRefuseAnotherCustomer(self, ids_of_a, ids_of_b, login_b, hidden):
        """Call every route of the suite as customer B (``login_b``) with
        customer A's ids (``ids_of_a``: ``{argument: id}``), by GET and, for
        the routes that take it, by POST with B's CSRF token (the page of B's
        own ids, ``ids_of_b``): refused (an error page), never an HTTP 500,
        and none of ``hidden`` (A's data) on the page."""
        # A route whose ids come in the form, not the URL (helpdesk_mgmt's
        # /ticket/close, which the OCA platform's module overrides), is
        # tried with another customer's ids by its own module's tests.
        routes = [rule for rule in self.aftersales_suite_routes() if rule.arguments]
        self.assertTrue(routes, "the suite adds routes")
        self.authenticate(login_b, login_b)
        for rule in routes:
            with self.subTest(route=rule.rule):
                missing = set(rule.arguments) - set(ids_of_a)
                self.assertFalse(missing, f"{rule.rule}: give ids of customer A for {missing}")
                url_a = rule.rule
                url_b = rule.rule
                for name in rule.arguments:
                    url_a = re.sub(rf"<(\w+:)?{name}>", str(ids_of_a[name]), url_a)
                    url_b = re.sub(rf"<(\w+:)?{name}>", str(ids_of_b[name]), url_b)
                answers = [self.url_open(url_a)]
                if not rule.methods or "POST" in rule.methods:
                    token = re.search(
                        r'name="csrf_token" value="([^"]+)"', self.url_open(url_b).text
                    )
                    self.assertTrue(token, f"{url_b}: customer B's own page has a form")
                    answers.append(
                        self.url_open(
                            url_a, data={"csrf_token": token.group(1)}, allow_redirects=False
                        )
                    )
                for answer in answers:
                    self.assertIn(answer.status_code, (400, 403, 404), f"{url_a} answered")
                    self.assertPageHides(answer, *hidden)
