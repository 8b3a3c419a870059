"""Single sign-on for organisations, through allauth's OpenID Connect and SAML providers: real redirect
flows against real identity providers running inside the test run, never mocks of allauth.

- OpenID Connect: django-oauth-toolkit with OpenID Connect (config/test_idp.py) under /test-idp/ of the
  live server. allauth's server-to-server calls (discovery, token, userinfo) reach it over HTTP. The
  browser is a ``requests.Session`` that follows redirects and submits the provider's sign-in and consent
  forms. The site is reached as ``localhost`` and the provider as ``127.0.0.1``: two hosts, two cookie jars.
- SAML 2.0: a pysaml2 identity provider in a thread on a free port, with a key and certificate made here,
  signing its assertions with Debian's xmlsec1; it reads the site's SP metadata like an IT department would.
- The sign-on page (who may open it, write-only secret, form errors) and the sign-in rules (require SSO,
  require a second factor) through Django's test client.
"""

import base64
import datetime
import os
import re
import shutil
import threading
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.core import mail
from django.urls import reverse
from oauth2_provider.models import Application
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from config import test_idp
from innocities.accounts.models import Membership, Role, User
from innocities.organisations import actions
from innocities.organisations.models import SignOn
from tests.conftest import PASSWORD

pytestmark = pytest.mark.urls("config.urls_test")

CLIENT_ID = "innocities-halden"
CLIENT_SECRET = "idp-client-secret-that-is-long-enough-1234"


# --- a browser: requests following redirects, filling in forms ----------------------------------


class _Forms(HTMLParser):
    """The forms of a page: action, method and the values of their fields (hidden ones included)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower()}
            self._form["fields"] = {}
            self.forms.append(self._form)
        elif self._form is not None and a.get("name"):
            if tag == "input" and (a.get("type") or "text").lower() not in {"submit", "checkbox", "radio"}:
                self._form["fields"][a["name"]] = a.get("value") or ""
            elif tag in {"select", "textarea"}:
                self._form["fields"][a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def forms_of(response):
    parser = _Forms()
    parser.feed(response.text)
    return parser.forms


def submit(browser, response, data, *, action=None, field=None):
    """Fill in and send a form of the page: the one whose action ends with ``action``, or that has the
    field ``field``, else the first."""
    forms = forms_of(response)
    form = next(
        (
            f
            for f in forms
            if (action is None or f["action"].endswith(action)) and (field is None or field in f["fields"])
        ),
        None,
    )
    assert form is not None, f"no form {action or ''} on {response.url}: {response.text[:500]}"
    url = urljoin(response.url, form["action"] or response.url)
    values = {**form["fields"], **data}
    if form["method"] == "get":
        return browser.get(url, params=values, timeout=30)
    return browser.post(url, data=values, timeout=30)


def sign_in_with_password(site, email, password=PASSWORD):
    browser = requests.Session()
    page = browser.get(f"{site}/accounts/login/", timeout=30)
    response = submit(browser, page, {"login": email, "password": password}, action="/accounts/login/")
    return browser, response


def configure_through_page(browser, site, slug, data):
    """An administrator fills in the organisation's sign-on page; returns the page after saving."""
    page = browser.get(f"{site}/organisations/{slug}/sign-on/", timeout=30)
    assert page.status_code == 200, page.status_code
    saved = submit(browser, page, {"part": "connection", **data}, field="display_name")
    assert saved.status_code == 200 and "The single sign-on connection was saved." in saved.text, saved.text[
        :3000
    ]
    return saved


def shown(page, label):
    """The value shown beside a label of the page's “what your IT department registers” list."""
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd>(?:<a [^>]*>)?<code>([^<]+)</code>", page.text)
    assert found, f"{label} is not on the page"
    return found.group(1)


# --- the OpenID provider ------------------------------------------------------------------------


@pytest.fixture
def idp_directory():
    """The test provider's people; emptied after the test."""
    yield test_idp.DIRECTORY
    test_idp.DIRECTORY.clear()


def register_client(redirect_uri):
    """Register the site at the provider, as the organisation's IT department would."""
    return Application.objects.create(
        name="InnoCities",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=False,
    )


def provider_url(live_server):
    return live_server.url.replace("localhost", "127.0.0.1") + "/test-idp"


def oidc_connection(live_server, world, **extra):
    """Halden's connection to the test provider, set up by its administrator on the sign-on page."""
    site = live_server.url
    admin, _ = sign_in_with_password(site, world.admin.email)
    page = admin.get(f"{site}/organisations/halden/sign-on/", timeout=30)
    register_client(shown(page, "Redirect URI"))
    data = {
        "protocol": "oidc",
        "display_name": "Sign in with Halden kommune",
        "domains": "halden.example",
        "default_role": "member",
        "enabled": "on",
        "server_url": provider_url(live_server),
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        **extra,
    }
    configure_through_page(admin, site, "halden", data)
    return SignOn.objects.get(organisation=world.halden)


def organisation_sign_in_page(browser, site):
    """From the site's login page, its link “Sign in with your organisation”."""
    login_page = browser.get(f"{site}/accounts/login/", timeout=30)
    link = re.search(r'<a class="button" href="([^"]+)">Sign in with your organisation</a>', login_page.text)
    assert link, "the login page offers no “Sign in with your organisation”"
    return browser.get(urljoin(login_page.url, link.group(1)), timeout=30)


def sign_in_through_oidc(site, email, username, password="idp-password"):
    """The whole round: the site's login page → the provider's sign-in → its consent → back."""
    browser = requests.Session()
    page = organisation_sign_in_page(browser, site)
    at_provider = submit(browser, page, {"email": email}, field="email")
    assert urlsplit(at_provider.url).path == "/test-idp/login/", at_provider.url
    consent = submit(browser, at_provider, {"username": username, "password": password})
    assert urlsplit(consent.url).path == "/test-idp/authorize/", consent.url
    assert "Authorize" in consent.text
    back = submit(browser, consent, {"allow": "Authorize"})
    return browser, back


pytest_flows = pytest.mark.django_db(transaction=True)


@pytest_flows
def test_oidc_a_new_person_of_the_organisation_lands_signed_in_with_the_default_role(
    world, live_server, idp_directory
):
    sign_on = oidc_connection(live_server, world, default_role="project_lead")
    assert sign_on.protocol == "oidc" and sign_on.default_role == Role.PROJECT_LEAD
    idp_directory["nora"] = {
        "password": "idp-password",
        "claims": {"email": "Nora.Ny@Halden.example", "email_verified": True, "name": "Nora Ny"},
    }
    browser, landed = sign_in_through_oidc(live_server.url, "nora.ny@halden.example", "nora")

    assert landed.status_code == 200, landed.text[:2000]
    assert urlsplit(landed.url).path == reverse("pipeline:my_work")
    person = User.objects.get(email="nora.ny@halden.example")
    assert person.full_name == "Nora Ny" and not person.has_usable_password()
    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role) == (world.halden, Role.PROJECT_LEAD)
    assert EmailAddress.objects.get(user=person).verified
    account = SocialAccount.objects.get(user=person)
    assert account.provider == "oidc-halden"
    # signed in for real: a page for signed-in people answers, as this person
    assert "Nora Ny" in browser.get(f"{live_server.url}/my-work/", timeout=30).text


@pytest_flows
def test_oidc_an_existing_person_is_connected_and_signed_in(world, live_server, idp_directory):
    oidc_connection(live_server, world)
    # the provider writes the address in another case: it is the same person
    idp_directory["mona"] = {
        "password": "idp-password",
        "claims": {"email": "MEMBER@halden.example", "email_verified": True, "name": "Mona M."},
    }
    browser, landed = sign_in_through_oidc(live_server.url, "member@halden.example", "mona")

    assert landed.status_code == 200 and urlsplit(landed.url).path == reverse("pipeline:my_work")
    assert User.objects.filter(email__iexact="member@halden.example").count() == 1
    account = SocialAccount.objects.get(provider="oidc-halden")
    assert account.user == world.member
    world.member.refresh_from_db()
    assert world.member.has_usable_password()  # their password still works where the rules allow it
    assert world.member.full_name == "Mona Member"  # the account is theirs: the IdP's name changes nothing
    assert list(world.member.memberships.values_list("role", flat=True)) == [Role.MEMBER]  # role kept
    assert EmailAddress.objects.get(user=world.member).verified

    # the next time the link is used directly, and nothing new is made
    again, landed = sign_in_through_oidc(live_server.url, "member@halden.example", "mona")
    assert urlsplit(landed.url).path == reverse("pipeline:my_work")
    assert SocialAccount.objects.filter(user=world.member).count() == 1
    assert "Mona Member" in again.get(f"{live_server.url}/my-work/", timeout=30).text


@pytest_flows
def test_oidc_an_address_outside_the_organisations_domains_is_refused(world, live_server, idp_directory):
    oidc_connection(live_server, world)
    people_before = User.objects.count()
    idp_directory["eve"] = {
        "password": "idp-password",
        "claims": {"email": "eve@sarpsborg.example", "email_verified": True, "name": "Eve"},
    }
    browser, refused = sign_in_through_oidc(live_server.url, "eve@halden.example", "eve")

    assert refused.status_code == 403
    assert "eve@sarpsborg.example is not an address this sign-in accepts" in refused.text
    assert "halden.example" in refused.text
    assert User.objects.count() == people_before + 1  # only the provider's own technical account
    assert not User.objects.filter(email="eve@sarpsborg.example").exists()
    assert not SocialAccount.objects.exists()
    assert browser.get(f"{live_server.url}/my-work/", timeout=30, allow_redirects=False).status_code == 302


@pytest_flows
def test_oidc_cannot_take_over_platform_staff_or_another_organisations_member(
    world, live_server, idp_directory
):
    """Halden's provider speaks for halden.example addresses, not for everyone who has one."""
    oidc_connection(live_server, world)
    staff = User.objects.create_user(
        email="it@halden.example", password=PASSWORD, full_name="It Staff", is_staff=True
    )
    outsider = User.objects.create_user(email="lent@halden.example", password=PASSWORD, full_name="Lent Out")
    Membership.objects.create(user=outsider, organisation=world.sarpsborg, role=Role.COORDINATOR)
    idp_directory["staff"] = {"password": "idp-password", "claims": {"email": staff.email, "name": "X"}}
    idp_directory["lent"] = {"password": "idp-password", "claims": {"email": outsider.email, "name": "Y"}}

    _browser, refused = sign_in_through_oidc(live_server.url, staff.email, "staff")
    assert refused.status_code == 403 and "Platform staff sign in with their password" in refused.text
    _browser, refused = sign_in_through_oidc(live_server.url, outsider.email, "lent")
    assert refused.status_code == 403 and "belongs to a member of another organisation" in refused.text
    assert not SocialAccount.objects.exists()
    assert not Membership.objects.filter(user=outsider, organisation=world.halden).exists()


@pytest_flows
def test_oidc_the_organisation_can_be_chosen_from_the_list_and_next_is_kept(
    world, live_server, idp_directory
):
    oidc_connection(live_server, world)
    idp_directory["nils"] = {
        "password": "idp-password",
        "claims": {"email": "nils@halden.example", "name": "Nils"},
    }
    browser = requests.Session()
    page = browser.get(f"{live_server.url}/organisations/sign-in/?next=/projects/", timeout=30)
    assert "Halden" in page.text
    at_provider = submit(browser, page, {"organisation": "halden"}, field="organisation")
    consent = submit(browser, at_provider, {"username": "nils", "password": "idp-password"})
    landed = submit(browser, consent, {"allow": "Authorize"})
    assert landed.status_code == 200 and urlsplit(landed.url).path == "/projects/"
    assert Membership.objects.get(user__email="nils@halden.example").role == Role.MEMBER


@pytest_flows
def test_oidc_a_switched_off_connection_signs_nobody_in(world, live_server, idp_directory):
    sign_on = oidc_connection(live_server, world)
    idp_directory["nora"] = {
        "password": "idp-password",
        "claims": {"email": "nora@halden.example", "name": "N"},
    }
    browser = requests.Session()
    page = organisation_sign_in_page(browser, live_server.url)
    at_provider = submit(browser, page, {"email": "nora@halden.example"}, field="email")
    consent = submit(browser, at_provider, {"username": "nora", "password": "idp-password"})
    SignOn.objects.filter(pk=sign_on.pk).update(enabled=False)  # switched off while the person was away
    refused = submit(browser, consent, {"allow": "Authorize"})
    assert refused.status_code == 403 and "has switched this sign-in off" in refused.text
    assert not User.objects.filter(email="nora@halden.example").exists()
    # and the sign-in page no longer offers it
    sign_in_page = browser.get(f"{live_server.url}/organisations/sign-in/", timeout=30)
    assert "Halden" not in sign_in_page.text
    answer = submit(browser, sign_in_page, {"email": "nora@halden.example"}, field="email")
    assert answer.status_code == 400
    assert "No organisation here signs in people with addresses at halden.example" in answer.text


# --- SAML 2.0: a pysaml2 identity provider in a thread ------------------------------------------


def key_and_certificate(common_name="Test IdP", days=30):
    """An RSA key and a self-signed certificate, both PEM, made for this test."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return key_pem, certificate.public_bytes(serialization.Encoding.PEM).decode()


class SamlIdentityProvider:
    """A SAML 2.0 IdP (pysaml2) on a free port of 127.0.0.1: HTTP-Redirect in, a sign-in form, then a
    signed response (and signed assertion) posted back through the browser to the SP's ACS."""

    def __init__(self, tmp_path, people):
        self.people = people  # user name → (password, attributes)
        self.key_pem, self.certificate_pem = key_and_certificate()
        (tmp_path / "idp.key").write_text(self.key_pem)
        (tmp_path / "idp.crt").write_text(self.certificate_pem)
        self.tmp_path = tmp_path
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.entity_id = f"{self.url}/metadata"
        self.sso_url = f"{self.url}/sso/redirect"
        self.server = None
        self.thread = None

    def start(self, sp_metadata: str):
        """Trust the SP whose metadata this is, and answer requests."""
        config = IdPConfig()
        config.load(
            {
                "entityid": self.entity_id,
                "service": {
                    "idp": {
                        "endpoints": {"single_sign_on_service": [(self.sso_url, BINDING_HTTP_REDIRECT)]},
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                        "policy": {"default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}},
                        "want_authn_requests_signed": False,
                    }
                },
                "key_file": str(self.tmp_path / "idp.key"),
                "cert_file": str(self.tmp_path / "idp.crt"),
                "metadata": {"inline": [sp_metadata]},
                "xmlsec_binary": shutil.which("xmlsec1"),
            }
        )
        self.server = Server(config=config)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, html):
                body = html.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # the name http.server calls
                query = parse_qs(urlsplit(self.path).query)
                saml_request = query.get("SAMLRequest", [""])[0]
                relay_state = query.get("RelayState", [""])[0]
                idp.parse(saml_request)  # refuses a request it cannot read
                self._answer(
                    200,
                    f"""<!DOCTYPE html><html lang="en"><body><h1>Test SAML IdP</h1>
<form method="post" action="/sso/login">
<input type="hidden" name="SAMLRequest" value="{saml_request}">
<input type="hidden" name="RelayState" value="{relay_state}">
<label>User <input name="username"></label><label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button></form></body></html>""",
                )

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                person = idp.people.get(form.get("username"))
                if person is None or person[0] != form.get("password"):
                    return self._answer(401, "<p>Wrong user name or password.</p>")
                self._answer(
                    200, idp.respond(form["SAMLRequest"], form.get("RelayState", ""), form["username"])
                )

        return Handler

    def parse(self, saml_request):
        return self.server.parse_authn_request(saml_request, BINDING_HTTP_REDIRECT)

    def respond(self, saml_request, relay_state, username):
        """The HTML page of the HTTP-POST binding: a form posting the signed response to the ACS."""
        request = self.parse(saml_request).message
        args = self.server.response_args(request, [BINDING_HTTP_POST])
        response = self.server.create_authn_response(
            self.people[username][1],
            userid=username,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=f"{username}-persistent-id"),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"},
            sign_response=True,
            sign_assertion=True,
            sign_alg=SIG_RSA_SHA256,  # the SP refuses SHA-1 signatures
            digest_alg=DIGEST_SHA256,
            **{k: v for k, v in args.items() if k != "binding"},
        )
        http = self.server.apply_binding(
            BINDING_HTTP_POST, str(response), args["destination"], relay_state, response=True
        )
        return http["data"]


@pytest.fixture
def saml_idp(tmp_path):
    if shutil.which("xmlsec1") is None:  # pragma: no cover - `make test` installs Debian's xmlsec1
        pytest.skip("Debian's xmlsec1 (pysaml2 signs with it) is not installed")
    people = {
        "sigrid": ("idp-password", {"mail": ["Sigrid.Saml@halden.example"], "displayName": ["Sigrid Saml"]}),
        "outsider": ("idp-password", {"mail": ["someone@example.org"], "displayName": ["Some One"]}),
    }
    idp = SamlIdentityProvider(tmp_path, people)
    yield idp
    if idp.thread is not None:
        idp.stop()
    else:
        idp.httpd.server_close()


def saml_connection(live_server, world, idp, **extra):
    """Halden's SAML connection to the IdP, set up on the sign-on page; the IdP then reads the SP's
    metadata from the address the page shows."""
    site = live_server.url
    admin, _ = sign_in_with_password(site, world.admin.email)
    data = {
        "protocol": "saml",
        "display_name": "Logg inn med Halden kommune",
        "domains": "halden.example",
        "default_role": "member",
        "enabled": "on",
        "idp_entity_id": idp.entity_id,
        "idp_sso_url": idp.sso_url,
        "idp_certificate": idp.certificate_pem,
        **extra,
    }
    page = configure_through_page(admin, site, "halden", data)
    metadata = requests.get(shown(page, "Service provider metadata"), timeout=30)
    assert metadata.status_code == 200 and "AssertionConsumerService" in metadata.text
    assert shown(page, "Assertion consumer service (HTTP-POST)") in metadata.text
    idp.start(metadata.text)
    return SignOn.objects.get(organisation=world.halden)


def sign_in_through_saml(site, email, username, password="idp-password"):
    browser = requests.Session()
    page = organisation_sign_in_page(browser, site)
    at_idp = submit(browser, page, {"email": email}, field="email")
    assert urlsplit(at_idp.url).path == "/sso/redirect", at_idp.url
    posting = submit(browser, at_idp, {"username": username, "password": password})
    assert posting.status_code == 200 and "SAMLResponse" in posting.text, posting.text[:500]
    # the browser posts the IdP's response to the site's ACS (the page's script would do it)
    back = submit(browser, posting, {}, field="SAMLResponse")
    return browser, back


@pytest_flows
def test_saml_a_new_person_lands_in_their_organisation_with_the_default_role(world, live_server, saml_idp):
    sign_on = saml_connection(live_server, world, saml_idp, default_role="coordinator")
    assert sign_on.protocol == "saml" and SocialApp.objects.get().client_id == "halden"
    browser, landed = sign_in_through_saml(live_server.url, "sigrid.saml@halden.example", "sigrid")

    assert landed.status_code == 200, landed.text[:2000]
    assert urlsplit(landed.url).path == reverse("pipeline:my_work")
    person = User.objects.get(email="sigrid.saml@halden.example")
    assert person.full_name == "Sigrid Saml"
    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role) == (world.halden, Role.COORDINATOR)
    account = SocialAccount.objects.get(user=person)
    assert (account.provider, account.uid) == ("saml-halden", "sigrid-persistent-id")
    assert "Sigrid Saml" in browser.get(f"{live_server.url}/my-work/", timeout=30).text


@pytest_flows
def test_saml_an_address_outside_the_domains_is_refused_and_a_forged_response_is_not_accepted(
    world, live_server, saml_idp
):
    saml_connection(live_server, world, saml_idp)
    # the IdP signs in its "outsider", whose address is not Halden's
    _browser, refused = sign_in_through_saml(live_server.url, "someone@halden.example", "outsider")
    assert (
        refused.status_code == 403
        and "someone@example.org is not an address this sign-in accepts" in refused.text
    )
    assert not User.objects.filter(email="someone@example.org").exists()

    # a response changed after the IdP signed it (another address put in) fails the SP's signature check
    browser = requests.Session()
    page = organisation_sign_in_page(browser, live_server.url)
    at_idp = submit(browser, page, {"email": "sigrid.saml@halden.example"}, field="email")
    posting = submit(browser, at_idp, {"username": "sigrid", "password": "idp-password"})
    form = forms_of(posting)[0]
    xml = base64.b64decode(form["fields"]["SAMLResponse"]).decode()
    forged = xml.replace("Sigrid.Saml@halden.example", "admin@halden.example")
    failed = browser.post(
        form["action"],
        {
            "SAMLResponse": base64.b64encode(forged.encode()).decode(),
            "RelayState": form["fields"].get("RelayState", ""),
        },
        timeout=30,
    )
    assert failed.status_code == 401 and "Signing in through your organisation failed" in failed.text
    assert not SocialAccount.objects.exists()
    assert browser.get(f"{live_server.url}/my-work/", timeout=30, allow_redirects=False).status_code == 302


# --- the sign-on page ---------------------------------------------------------------------------

OIDC_FORM = {
    "part": "connection",
    "protocol": "oidc",
    "display_name": "Sign in with Halden kommune",
    "domains": "halden.example\nHALDEN.kommune.example",
    "default_role": "member",
    "enabled": "on",
    "server_url": "https://login.microsoftonline.com/4f1b-tenant/v2.0",
    "client_id": "5e3c-halden-client",
    "client_secret": "the-secret-that-must-never-come-back",
}


def sign_on_url(slug="halden"):
    return reverse("organisations:sign_on", args=[slug])


def test_an_administrator_sets_up_oidc_and_the_client_secret_is_never_shown_again(world, login):
    client = login(world.admin)
    page = client.get(sign_on_url())
    assert page.status_code == 200
    text = page.content.decode()
    # what the IT department registers in the identity provider
    assert "http://testserver/accounts/oidc/oidc-halden/login/callback/" in text
    assert "http://testserver/accounts/saml/halden/metadata/" in text
    assert "http://testserver/accounts/saml/halden/acs/" in text

    response = client.post(sign_on_url(), OIDC_FORM)
    assert response.status_code == 302 and response["Location"] == sign_on_url()
    sign_on = SignOn.objects.select_related("social_app").get(organisation=world.halden)
    app = sign_on.social_app
    assert (app.provider, app.provider_id, app.client_id) == (
        "openid_connect",
        "oidc-halden",
        "5e3c-halden-client",
    )
    assert app.secret == "the-secret-that-must-never-come-back"
    assert app.settings == {
        "server_url": "https://login.microsoftonline.com/4f1b-tenant/v2.0",
        "oauth_pkce_enabled": True,
    }
    assert sorted(sign_on.domains.values_list("domain", flat=True)) == [
        "halden.example",
        "halden.kommune.example",
    ]

    page = client.get(sign_on_url()).content.decode()
    assert "the-secret-that-must-never-come-back" not in page
    assert "A secret is saved; it is never shown." in page
    assert "5e3c-halden-client" in page  # the client id is no secret

    # saved again without a secret: the saved one stays; a new one replaces it
    client.post(sign_on_url(), {**OIDC_FORM, "client_secret": "", "display_name": "Halden"})
    app.refresh_from_db()
    assert app.secret == "the-secret-that-must-never-come-back" and app.name == "Halden"
    client.post(sign_on_url(), {**OIDC_FORM, "client_secret": "a-new-secret"})
    app.refresh_from_db()
    assert app.secret == "a-new-secret"
    # the audit trail says that the secret changed, never what it is
    from innocities.core.models import AuditEvent

    events = AuditEvent.objects.filter(verb="save_sign_on")
    assert events.count() == 3
    assert all(
        "secret" not in str(value) or key == "secret_changed" for e in events for key, value in e.data.items()
    )
    assert "a-new-secret" not in str(list(events.values_list("data", flat=True)))


def test_platform_staff_may_set_up_a_connection_too(world, login):
    staff = User.objects.create_user(
        email="staff@innocities.example", password=PASSWORD, full_name="S", is_staff=True
    )
    client = login(staff)
    assert client.get(sign_on_url()).status_code == 200
    assert client.post(sign_on_url(), OIDC_FORM).status_code == 302
    assert SignOn.objects.filter(organisation=world.halden).exists()


@pytest.mark.parametrize(
    "who", ["coordinator", "member", "partner", "another organisation's admin", "operator"]
)
def test_others_are_refused_and_never_see_the_configuration(world, login, who):
    actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments())
    people = {
        "coordinator": world.coordinator,
        "member": world.member,
        "partner": world.partner,
        "another organisation's admin": User.objects.create_user(
            email="admin@eskilstuna.example", password=PASSWORD, full_name="Eskil Admin"
        ),
        "operator": world.operator,
    }
    if who == "another organisation's admin":
        Membership.objects.create(user=people[who], organisation=world.eskilstuna, role=Role.ADMIN)
    client = login(people[who])
    for response in (
        client.get(sign_on_url()),
        client.post(sign_on_url(), {**OIDC_FORM, "client_id": "taken"}),
        client.post(sign_on_url(), {"part": "rules", "require_mfa": "on"}),
    ):
        assert response.status_code in {403, 404}
        assert "5e3c-halden-client" not in response.content.decode()
    assert SocialApp.objects.get().client_id == "5e3c-halden-client"
    assert not sign_in_rules_are_on(world.halden)
    assert "/sign-on/" not in client.get(reverse("organisations:detail", args=["halden"])).content.decode()


def test_a_visitor_is_sent_to_sign_in_and_an_unknown_organisation_is_404(world, client, login):
    response = client.get(sign_on_url())
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert login(world.admin).get(sign_on_url("no-such-place")).status_code == 404
    assert (
        "/organisations/halden/sign-on/" in login(world.admin).get("/organisations/halden/").content.decode()
    )


def sign_in_rules_are_on(organisation):
    organisation.refresh_from_db()
    return organisation.require_sso or organisation.require_mfa


def _oidc_arguments(**extra):
    return {
        "protocol": "oidc",
        "display_name": "Sign in with Halden kommune",
        "domains": ["halden.example"],
        "server_url": "https://idp.halden.example/realms/staff",
        "client_id": "5e3c-halden-client",
        "client_secret": "s3cret",
        **extra,
    }


def _expired_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Old IdP")])
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(old)
        .not_valid_after(old + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


SAML_FORM = {
    "part": "connection",
    "protocol": "saml",
    "display_name": "Sign in with Halden kommune",
    "domains": "halden.example",
    "default_role": "member",
    "enabled": "on",
    "idp_entity_id": "http://adfs.halden.example/adfs/services/trust",
    "idp_sso_url": "https://adfs.halden.example/adfs/ls/",
}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {**OIDC_FORM, "server_url": "not an address"},
            "server_url",
            "Enter the whole address, starting with https://.",
        ),
        (
            {**OIDC_FORM, "server_url": "http://idp.halden.example"},
            "server_url",
            "The address must start with https://.",
        ),
        (
            {**OIDC_FORM, "server_url": "https://login.microsoftonline.com/common/v2.0"},
            "server_url",
            "Use your own tenant&#x27;s issuer",
        ),
        (
            {**OIDC_FORM, "domains": "halden"},
            "domains",
            "“halden” is not a domain name such as bergen.kommune.no.",
        ),
        ({**OIDC_FORM, "domains": "halden.example, -bad-.example"}, "domains", "is not a domain name"),
        ({**OIDC_FORM, "domains": "gmail.com"}, "domains", "gmail.com gives addresses to anyone"),
        ({**OIDC_FORM, "domains": ""}, "domains", "This field is required."),
        (
            {**OIDC_FORM, "client_secret": ""},
            "client_secret",
            "Enter the client secret the identity provider gave.",
        ),
        ({**OIDC_FORM, "client_id": ""}, "client_id", "Enter the client id the identity provider gave."),
        ({**OIDC_FORM, "default_role": "admin"}, "default_role", "Select a valid choice."),
        ({**OIDC_FORM, "protocol": "kerberos"}, "protocol", "Select a valid choice."),
        (
            {
                **SAML_FORM,
                "idp_certificate": "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----",
            },
            "idp_certificate",
            "This is not an X.509 certificate.",
        ),
        (
            {**SAML_FORM, "idp_certificate": "%%% garbage %%%"},
            "idp_certificate",
            "This is not an X.509 certificate.",
        ),
        (
            {**SAML_FORM, "idp_certificate": ""},
            "idp_certificate",
            "Paste the certificate the identity provider signs with.",
        ),
        (
            {**SAML_FORM, "idp_certificate": _expired_certificate()},
            "idp_certificate",
            "This certificate expired on",
        ),
        (
            {**SAML_FORM, "idp_entity_id": ""},
            "idp_entity_id",
            "Enter the identity provider&#x27;s entity id.",
        ),
        (
            {**SAML_FORM, "idp_sso_url": "ftp://adfs.halden.example/"},
            "idp_sso_url",
            "Enter the whole address",
        ),
        (
            {**SAML_FORM, "idp_sso_url": ""},
            "idp_sso_url",
            "Enter the sign-in address, or the address of the IdP",
        ),
        (
            {**SAML_FORM, "idp_metadata_url": "javascript:alert(1)"},
            "idp_metadata_url",
            "Enter the whole address",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_beside_its_field_and_nothing_is_saved(
    world, login, data, field, message
):
    response = login(world.admin).post(sign_on_url(), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page  # beside the field, and in the summary above the form
    assert not SignOn.objects.exists() and not SocialApp.objects.exists()


def test_a_domain_belongs_to_one_connection_and_a_client_id_to_one_organisation(world, login):
    actions.save_sign_on(
        organisation=world.sarpsborg, actor=None, **_oidc_arguments(domains=["sarpsborg.example"])
    )
    client = login(world.admin)
    response = client.post(sign_on_url(), {**OIDC_FORM, "domains": "halden.example\nsarpsborg.example"})
    assert response.status_code == 400
    assert "sarpsborg.example already signs in through another organisation" in response.content.decode()
    response = client.post(sign_on_url(), {**OIDC_FORM, "client_id": "5e3c-halden-client"})
    assert (
        response.status_code == 400
        and "Another organisation&#x27;s connection uses this client id" in response.content.decode()
    )
    assert not SignOn.objects.filter(organisation=world.halden).exists()


def test_a_saml_connection_by_metadata_address_and_its_attribute_mapping(world, login):
    client = login(world.admin)
    response = client.post(
        sign_on_url(),
        {
            **SAML_FORM,
            "idp_sso_url": "",
            "idp_metadata_url": "https://fs.halden.example/FederationMetadata/2007-06/FederationMetadata.xml",
            "email_attribute": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
            "name_attribute": "",
        },
    )
    assert response.status_code == 302
    app = SocialApp.objects.get()
    assert (app.provider, app.provider_id, app.client_id) == ("saml", "saml-halden", "halden")
    assert app.settings["idp"] == {
        "entity_id": "http://adfs.halden.example/adfs/services/trust",
        "metadata_url": "https://fs.halden.example/FederationMetadata/2007-06/FederationMetadata.xml",
    }
    mapping = app.settings["attribute_mapping"]
    assert mapping["email"][0] == "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
    assert "urn:oid:0.9.2342.19200300.100.1.3" in mapping["email"]
    assert mapping["name"][0] == "urn:oid:2.16.840.1.113730.3.1.241"
    assert app.settings["advanced"]["want_assertion_signed"] is True
    page = client.get(sign_on_url()).content.decode()
    assert "FederationMetadata.xml" in page


def test_another_identity_provider_drops_the_old_links(world):
    sign_on = actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments())
    SocialAccount.objects.create(user=world.member, provider="oidc-halden", uid="1")
    actions.save_sign_on(
        organisation=world.halden, actor=world.admin, **_oidc_arguments(display_name="New text")
    )
    assert SocialAccount.objects.count() == 1  # the same provider: links stay
    actions.save_sign_on(
        organisation=world.halden,
        actor=world.admin,
        **_oidc_arguments(server_url="https://other.halden.example"),
    )
    assert not SocialAccount.objects.exists()  # its ids could name other people
    assert SignOn.objects.get().pk == sign_on.pk


# --- sign-in rules ------------------------------------------------------------------------------


def _require_sso(world):
    actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments())
    return actions.set_sign_in_rules(
        organisation=world.halden, require_sso=True, require_mfa=False, actor=world.admin
    )


def _password_login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_require_sso_refuses_a_members_password_login_and_points_to_the_organisations_sign_in(world, client):
    _require_sso(world)
    response = _password_login(client, world.member.email)
    assert response.status_code == 200  # the form again
    page = response.content.decode()
    assert "Your organisation signs you in through its own sign-in service" in page
    assert "Sign in with your organisation" in page and reverse("organisations:sign_in") in page
    assert client.get(reverse("pipeline:my_work")).status_code == 302


@pytest.mark.parametrize("who", ["partner", "staff", "sarpsborg_member"])
def test_require_sso_leaves_partners_staff_and_other_organisations_with_their_password(world, client, who):
    _require_sso(world)
    if who == "staff":
        person = User.objects.create_user(
            email="it@halden.example", password=PASSWORD, full_name="IT", is_staff=True
        )
        Membership.objects.create(user=person, organisation=world.halden, role=Role.MEMBER)
    else:
        person = getattr(world, who)
    response = _password_login(client, person.email)
    assert response.status_code == 302
    assert client.get(reverse("pipeline:my_work")).status_code == 200


def test_require_sso_a_password_reset_sends_no_link_and_an_old_link_does_not_get_around_it(world, client):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    # a reset link made before the rule
    key = f"{user_pk_to_url_str(world.member)}-{default_token_generator.make_token(world.member)}"
    _require_sso(world)
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": world.member.email})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Your organisation signs you in through its own sign-in service" in body
    assert "/accounts/password/reset/key/" not in body and "/accounts/login/" in body
    # a partner of the same organisation still gets a reset link
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": world.partner.email})
    assert "/accounts/password/reset/key/" in mail.outbox[0].body

    # a link mailed before the rule may set a password, but it signs nobody in
    url = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": key.split("-")[0], "key": key.split("-", 1)[1]}
    )
    form_page = client.get(url, follow=True)
    client.post(
        form_page.request["PATH_INFO"],
        {"password1": "a-new-long-password-1", "password2": "a-new-long-password-1"},
    )
    assert client.get(reverse("pipeline:my_work")).status_code == 302
    response = _password_login(client, world.member.email, "a-new-long-password-1")
    assert "Your organisation signs you in through its own sign-in service" in response.content.decode()
    assert client.get(reverse("pipeline:my_work")).status_code == 302


def test_require_sso_needs_a_connection_in_use_and_locks_nobody_out(world, login):
    client = login(world.admin)
    rules = {"part": "rules", "require_sso": "on"}
    response = client.post(sign_on_url(), rules)
    assert response.status_code == 400
    assert "Set up a single sign-on connection and switch it on first." in response.content.decode()

    actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments())
    consultant = User.objects.create_user(
        email="kari@konsulent.example", password=PASSWORD, full_name="Kari Konsulent"
    )
    Membership.objects.create(user=consultant, organisation=world.halden, role=Role.PROJECT_LEAD)
    response = client.post(sign_on_url(), rules)
    assert response.status_code == 400
    assert "1 members have addresses outside the connection&#x27;s domains" in response.content.decode()
    assert "kari@konsulent.example" in response.content.decode()
    assert not sign_in_rules_are_on(world.halden)

    Membership.objects.filter(user=consultant).update(role=Role.PARTNER)  # partners are not bound
    assert client.post(sign_on_url(), rules).status_code == 302
    world.halden.refresh_from_db()
    assert world.halden.require_sso and not world.halden.require_mfa

    # switching the connection off lifts the requirement with it: nobody could sign in otherwise
    actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments(enabled=False))
    world.halden.refresh_from_db()
    assert not world.halden.require_sso
    assert _password_login(login(world.member), world.member.email).status_code in {200, 302}


def test_require_mfa_sends_a_member_without_a_second_factor_to_set_one_up(world, login):
    client = login(world.admin)
    assert client.post(sign_on_url(), {"part": "rules", "require_mfa": "on"}).status_code == 302
    member = login(world.member)
    response = member.get(reverse("pipeline:my_work"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert member.get(reverse("pipeline:projects"))["Location"] == reverse("mfa_activate_totp")
    assert member.get(reverse("account_logout")).status_code == 200  # signing out stays open

    # with a second factor the member goes on
    Authenticator.objects.create(user=world.member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert login(world.member).get(reverse("pipeline:my_work")).status_code == 200


def test_require_mfa_binds_only_the_organisations_members_and_not_those_who_came_through_its_sign_on(
    world, client
):
    from innocities.accounts.security import SIGNED_ON_SESSION_KEY

    actions.set_sign_in_rules(
        organisation=world.halden, require_sso=False, require_mfa=True, actor=world.admin
    )
    client.force_login(world.sarpsborg_member)
    assert client.get(reverse("pipeline:my_work")).status_code == 200
    client.force_login(world.member)
    assert client.get(reverse("pipeline:my_work")).status_code == 302
    session = client.session
    session[SIGNED_ON_SESSION_KEY] = world.sarpsborg.pk  # another organisation's sign-on does not count
    session.save()
    assert client.get(reverse("pipeline:my_work")).status_code == 302
    session[SIGNED_ON_SESSION_KEY] = world.halden.pk  # Halden's own identity provider asked for it
    session.save()
    assert client.get(reverse("pipeline:my_work")).status_code == 200


@pytest_flows
def test_require_mfa_a_person_signed_in_through_the_organisations_sign_on_goes_straight_to_work(
    world, live_server, idp_directory
):
    oidc_connection(live_server, world)
    actions.set_sign_in_rules(
        organisation=world.halden, require_sso=False, require_mfa=True, actor=world.admin
    )
    idp_directory["mona"] = {
        "password": "idp-password",
        "claims": {"email": "member@halden.example", "name": "M"},
    }
    browser, landed = sign_in_through_oidc(live_server.url, "member@halden.example", "mona")
    assert landed.status_code == 200 and urlsplit(landed.url).path == reverse("pipeline:my_work")
    # the same member with a password is sent to set up a second factor
    browser, response = sign_in_with_password(live_server.url, world.member.email)
    assert urlsplit(response.url).path in {reverse("mfa_activate_totp"), reverse("account_reauthenticate")}


# --- "Sign in with your organisation" -----------------------------------------------------------


def test_the_login_page_offers_sign_in_with_your_organisation_and_keeps_next(world, client):
    page = client.get(reverse("account_login"), {"next": "/projects/"}).content.decode()
    assert f'href="{reverse("organisations:sign_in")}?next=/projects/">Sign in with your organisation' in page
    page = client.get(reverse("organisations:sign_in"), {"next": "/projects/"}).content.decode()
    assert page.count('name="next" value="/projects/"') == 1  # one form only: no organisation in use yet


def test_the_sign_in_page_lets_its_form_be_redirected_to_the_identity_provider(world, client):
    actions.save_sign_on(
        organisation=world.halden,
        actor=world.admin,
        **_oidc_arguments(server_url="http://127.0.0.1:8999/idp"),
    )
    policy = client.get(reverse("organisations:sign_in"))["Content-Security-Policy"]
    form_action = next(d for d in policy.split(";") if d.strip().startswith("form-action"))
    assert form_action.split() == ["form-action", "'self'", "https:", "http://127.0.0.1:8999"]
    # every other page keeps form-action 'self'
    login_policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    assert "form-action 'self';" in login_policy + ";" and "https:" not in login_policy


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"email": "someone@nowhere.example"},
            "No organisation here signs in people with addresses at nowhere.example.",
        ),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({}, "Enter your work email address."),
        ({"organisation": "atlantis"}, "Select a valid choice."),
    ],
)
def test_the_organisation_sign_in_explains_what_it_cannot_do(world, client, data, message):
    actions.save_sign_on(organisation=world.halden, actor=world.admin, **_oidc_arguments())
    response = client.post(reverse("organisations:sign_in"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_identity_provider_that_does_not_answer_is_a_message_not_an_error(world, client):
    # nothing listens on this port: discovery fails, the page says so
    actions.save_sign_on(
        organisation=world.halden, actor=world.admin, **_oidc_arguments(server_url="http://127.0.0.1:9/idp")
    )
    response = client.post(reverse("organisations:sign_in"), {"email": "nora@halden.example"})
    assert response.status_code == 502
    assert "Halden&#x27;s sign-in service could not be reached" in response.content.decode()


def test_the_personal_data_export_names_the_sign_on_links(world):
    from innocities.accounts.actions import personal_data

    SocialAccount.objects.create(user=world.member, provider="oidc-halden", uid="abc")
    assert personal_data(world.member)["single_sign_on"][0]["uid"] == "abc"


def test_hostile_values_in_the_sign_on_forms_never_become_a_server_error(world, login, client):
    from tests.test_fuzz import HOSTILE

    admin = login(world.admin)
    for form in (OIDC_FORM, SAML_FORM, {"part": "rules", "require_sso": "on", "require_mfa": "on"}):
        names = [*form, "idp_certificate", "idp_metadata_url", "email_attribute", "name_attribute"]
        for name in dict.fromkeys(names):
            for value in HOSTILE:
                response = admin.post(sign_on_url(), {**form, name: value})
                assert response.status_code < 500, (name, value[:40], response.status_code)
    for name in ("email", "organisation", "next"):
        for value in HOSTILE:
            response = client.post(reverse("organisations:sign_in"), {name: value})
            assert response.status_code < 500, (name, value[:40], response.status_code)


# --- in Debian's Chromium: WCAG 2.1 AA, no CSP errors, and the flow without JavaScript -----------


@pytest.mark.browser
@pytest_flows
def test_the_sign_on_pages_pass_axe_and_the_oidc_flow_works_in_a_browser_without_javascript(
    world, live_server, idp_directory
):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    from tests.conftest import chromium_or_skip
    from tests.test_browser import ARGS, WCAG

    chromium = chromium_or_skip()
    oidc_connection(live_server, world)
    idp_directory["nora"] = {
        "password": "idp-password",
        "claims": {"email": "nora@halden.example", "name": "Nora"},
    }
    axe, found, csp = Axe(), {}, []
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
            page = context.new_page()
            page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
            # the flow, by hand: type the address, sign in at the provider, allow, land on my work
            page.goto("/accounts/login/")
            page.get_by_role("link", name="Sign in with your organisation").click()
            page.get_by_label("Your work email address").fill("nora@halden.example")
            page.get_by_role("button", name="Continue").first.click()
            page.get_by_label("User name").fill("nora")
            page.get_by_label("Password").fill("idp-password")
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="Authorize").click()
            page.wait_for_url(lambda url: urlsplit(url).path == reverse("pipeline:my_work"))
            context.close()

            context = browser.new_context(base_url=live_server.url, locale="en-GB")
            page = context.new_page()
            page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
            for url in ("/accounts/login/", "/organisations/sign-in/"):
                page.goto(url)
                found[url] = axe.run(page, options=WCAG).response["violations"]
            page.goto("/organisations/sign-in/")
            page.get_by_role("button", name="Continue").first.click()  # nothing typed: the errors
            found["sign-in errors"] = axe.run(page, options=WCAG).response["violations"]
            page.goto("/accounts/login/")
            page.get_by_label("Email").fill(world.admin.email)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(lambda url: "/accounts/login/" not in url)
            page.goto("/organisations/halden/sign-on/")
            found["sign-on page"] = axe.run(page, options=WCAG).response["violations"]
            page.get_by_label("Email domains").fill("gmail.com")
            page.get_by_role("button", name="Save the connection").click()
            assert "gives addresses to anyone" in page.content()
            found["sign-on page with errors"] = axe.run(page, options=WCAG).response["violations"]
            context.close()
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    problems = {url: [v["id"] for v in violations] for url, violations in found.items() if violations}
    assert problems == {}
    assert csp == []


def test_someone_who_only_signs_in_through_their_organisation_can_close_their_account(world, login):
    person = User.objects.create_user(email="nora@halden.example", password=None, full_name="Nora Ny")
    assert not person.has_usable_password()
    client = login(person)
    response = client.post(reverse("account_data"), {"password": "someone@else.example"})
    assert response.status_code == 400 and "This is not your email address." in response.content.decode()
    response = client.post(reverse("account_data"), {"password": "Nora@Halden.example"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
