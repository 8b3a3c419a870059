"""The public catalogue and the one search box: what anyone may read, and never more.

Search runs on the database the suite runs on (SQLite's FTS5, or PostgreSQL's full-text search with
DATABASE_URL), through HTTP as a visitor, a member and an outsider.
"""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from innocities.catalogue import search, thesaurus
from innocities.catalogue.models import Concept, Document, Term
from innocities.learning.actions import record_lesson
from innocities.pipeline import actions
from innocities.pipeline.models import Project

pytestmark = pytest.mark.django_db


def _concept(key, **terms):
    concept = Concept.objects.create(key=key)
    for language, texts in terms.items():
        for n, text in enumerate(texts):
            Term.objects.create(concept=concept, language=language, text=text, order=n)
    return concept


@pytest.fixture
def shore(world):
    """A shore-power concept and shore-power projects in three languages and three visibilities."""
    _concept("shore-power", sv=["landström"], nb=["landstrøm"], en=["shore power", "onshore power supply"])
    w = world
    w.nb_public = w.make_project(
        title="Landstrøm for skip ved kai",
        visibility="public",
        summary="Bygge ut landstrømanlegg ved kaiene.",
    )
    w.en_public = w.make_project(
        org=w.eskilstuna,
        prog=w.eskilstuna_programme,
        lead=w.eskilstuna_coordinator,
        title="Onshore power supply for ferries",
        summary="Ferries at berth plug into the grid instead of idling their engines.",
        visibility="public",
        language="en",
    )
    w.sv_private = w.make_project(
        org=w.eskilstuna,
        prog=w.eskilstuna_programme,
        lead=w.eskilstuna_coordinator,
        title="Hemlig landström vid Mälarhamnen",
        summary="Intern förstudie.",
        visibility="private",
    )
    w.nb_network = w.make_project(
        org=w.sarpsborg,
        prog=w.sarpsborg_programme,
        lead=w.sarpsborg_member,
        title="Delt landstrøm i klyngen",
        summary="Felles landstrøm for nettverket.",
        visibility="network",
    )
    return w


def _titles(response) -> list[str]:
    return re.findall(
        r'class="search-result__title"><a href="[^"]*" lang="\w+">([^<]+)</a>', response.content.decode()
    )


def test_a_visitor_searching_in_swedish_finds_norwegian_and_english_public_work_and_nothing_else(shore):
    response = Client().get("/search/", {"q": "landström"})
    assert response.status_code == 200
    titles = _titles(response)
    assert "Landstrøm for skip ved kai" in titles
    assert "Onshore power supply for ferries" in titles
    body = response.content.decode()
    assert "Hemlig landström" not in body and "Delt landstrøm" not in body
    assert "Mälarhamnen" not in body and "Intern förstudie" not in body
    # the visitor's links go to the public pages, never to the working pages that need a sign-in
    assert f"/catalogue/projects/{shore.nb_public.pk}/" in body
    assert f'href="/projects/{shore.nb_public.pk}/"' not in body


def test_a_signed_in_person_also_finds_their_own_private_and_their_networks_shared_work(shore, client):
    client.force_login(shore.eskilstuna_coordinator)
    titles = _titles(client.get("/search/", {"q": "shore power"}))
    assert "Hemlig landström vid Mälarhamnen" in titles  # their own organisation's private project
    assert "Delt landstrøm i klyngen" not in titles  # Eskilstuna is not in Sarpsborg's network? see below
    client.force_login(shore.admin)  # Halden shares a network with Sarpsborg
    titles = _titles(client.get("/search/", {"q": "landstrøm"}))
    assert "Delt landstrøm i klyngen" in titles
    assert "Hemlig landström vid Mälarhamnen" not in titles


def test_counts_and_kind_tabs_count_only_what_the_reader_may_see(shore):
    anonymous = search.search(AnonymousUser(), "landström")
    # the two shore-power projects, and the two other public ones whose summary says "shore power"
    assert anonymous.count == 4
    assert anonymous.kinds == {"project": 4}
    assert {hit.document.visibility for hit in anonymous.hits} == {"public"}


def test_prefix_and_diacritics_fold(shore):
    for query in ("landstr", "LANDSTROM", "Landstrøm"):
        titles = {h.document.title for h in search.search(AnonymousUser(), query).hits}
        assert "Landstrøm for skip ved kai" in titles, query


def test_excerpts_are_escaped_and_marked(shore):
    shore.make_project(
        title="Landstrøm <script>alert(1)</script>", visibility="public", summary="<b>landstrøm</b> & co"
    )
    response = Client().get("/search/", {"q": "landstrøm"})
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body
    assert "<mark>" in body


def test_the_index_follows_visibility_and_deletion(shore):
    actions.update_project(project=shore.nb_public, actor=shore.coordinator, visibility="private")
    titles = _titles(Client().get("/search/", {"q": "landström"}))
    assert "Landstrøm for skip ved kai" not in titles
    shore.en_public.delete()
    assert not Document.objects.filter(kind="project", object_id=shore.en_public.pk).exists()


def test_a_hidden_idea_is_not_found(world):
    world.idea.hidden_at = world.idea.created_at
    world.idea.hidden_reason = "spam"
    world.idea.save()
    assert not Document.objects.filter(kind="idea", object_id=world.idea.pk).exists()


def test_hostile_queries_answer_plainly(shore):
    client = Client()
    for query in [
        '"',
        "*",
        "a AND",
        "NEAR(",
        "landström)",
        "' OR 1=1 --",
        "x" * 500,
        "ø:*|&!",
        "и",
        "\u202e",
    ]:
        response = client.get("/search/", {"q": query})
        assert response.status_code in (200, 400), query
    assert client.get("/search/", {"q": "landström", "kind": "nonsense"}).status_code == 200
    assert client.get("/search/", {"q": "landström", "page": "-3"}).status_code == 200


def test_the_catalogue_lists_public_work_only_and_solutions_to_reuse_first(shore):
    shore.public.status = "implemented"
    shore.public.save()
    response = Client().get("/catalogue/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Solceller på skoletak") < body.index("Landstrøm for skip ved kai")
    for hidden in (
        "Smarte vannmålere",
        "Delte elsykler",
        "Sarpsborg shared",
        "Hemlig landström",
        "Delt landstrøm",
    ):
        assert hidden not in body
    reuse = Client().get("/catalogue/", {"status": "reuse"}).content.decode()
    assert "Solceller på skoletak" in reuse and "Landstrøm for skip ved kai" not in reuse
    sweden = Client().get("/catalogue/", {"country": "SE"}).content.decode()
    assert "Onshore power supply" in sweden and "Solceller" not in sweden


def test_filters_refuse_unknown_values_beside_the_field(shore):
    response = Client().get("/catalogue/", {"country": "XX", "goal": "99", "year": "abc", "page": "x"})
    assert response.status_code == 200
    assert "Onshore power supply" in response.content.decode()  # the bad filters are left out


def test_public_pages_answer_404_for_private_and_network_work(shore):
    client = Client()
    assert client.get(f"/catalogue/projects/{shore.nb_public.pk}/").status_code == 200
    for hidden in (shore.private, shore.network_project, shore.sv_private, shore.nb_network):
        assert client.get(f"/catalogue/projects/{hidden.pk}/").status_code == 404
    assert client.get(f"/catalogue/challenges/{shore.challenge.pk}/").status_code == 404  # private
    actions.update_challenge(challenge=shore.challenge, actor=shore.coordinator, visibility="public")
    assert client.get(f"/catalogue/challenges/{shore.challenge.pk}/").status_code == 200


def test_the_public_project_page_marks_its_language_and_carries_link_previews(shore):
    body = Client().get(f"/catalogue/projects/{shore.en_public.pk}/").content.decode()
    assert '<h1 lang="en">Onshore power supply for ferries</h1>' in body
    assert 'property="og:title" content="Onshore power supply for ferries"' in body
    nb = Client().get(f"/catalogue/projects/{shore.nb_public.pk}/").content.decode()
    assert '<h1 lang="nb">Landstrøm for skip ved kai</h1>' in nb


def test_the_organisation_page_counts_public_work_only(shore):
    body = Client().get(f"/catalogue/organisations/{shore.eskilstuna.slug}/").content.decode()
    assert "Onshore power supply for ferries" in body
    assert "Hemlig landström" not in body and "Digital hemtjänst" not in body
    assert Client().get("/catalogue/organisations/nowhere/").status_code == 404


def test_feed_and_sitemap_list_public_work_only(shore):
    feed = Client().get("/catalogue/feed/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    tree = ElementTree.fromstring(feed.content)
    titles = [e.text for e in tree.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Landstrøm for skip ved kai" in titles
    assert not any("Hemlig" in (t or "") or "Delt landstrøm" in (t or "") for t in titles)
    index = Client().get("/sitemap.xml")
    assert index.status_code == 200
    projects = Client().get("/sitemap-projects.xml").content.decode()
    assert f"/catalogue/projects/{shore.nb_public.pk}/" in projects
    for hidden in (shore.sv_private, shore.nb_network, shore.private):
        assert f"/catalogue/projects/{hidden.pk}/" not in projects


def test_the_shipped_thesaurus_names_every_concept_in_three_languages(db):
    concepts, terms = thesaurus.load()
    assert concepts >= 300
    for concept in Concept.objects.prefetch_related("terms"):
        assert {t.language for t in concept.terms.all()} == {"sv", "nb", "en"}, concept.key
    assert thesaurus.load() == (0, 0)  # loading again adds nothing and keeps staff edits


def test_a_new_project_is_written_in_its_organisations_language_unless_told(world):
    assert world.public.language == "nb"
    assert world.eskilstuna_public.language == "sv"


def test_similar_work_elsewhere_is_explained_and_only_what_the_reader_may_see(shore, login):
    shore.en_public.status = "implemented"
    shore.en_public.save()
    record_lesson(
        project=shore.en_public,
        actor=shore.eskilstuna_coordinator,
        what_worked="Grid company on board early.",
        advice="Book the grid connection a year ahead.",
        visibility="public",
    )
    client = login(shore.coordinator)  # Halden: its own landstrøm project asks for similar work
    page = client.get(shore.nb_public.get_absolute_url()).content.decode()
    section = page[page.index('id="similar"') :]
    assert "Onshore power supply for ferries" in section  # Eskilstuna's, public, implemented
    assert "Similar words in its title or summary" in section
    assert "Book the grid connection a year ahead." in section  # before you start: their lesson
    assert "Hemlig landström" not in section  # Eskilstuna's private work
    assert "Delt landstrøm i klyngen" in section  # Sarpsborg shares it with Halden's network
    public = Client().get(f"/catalogue/projects/{shore.nb_public.pk}/").content.decode()
    assert "Onshore power supply for ferries" in public and "Delt landstrøm i klyngen" not in public


def test_a_draft_hears_of_similar_work_with_htmx_and_without_javascript(shore, login):
    client = login(shore.coordinator)
    fragment = client.get(
        "/similar/", {"title": "Landstrøm til skip", "organisation": "halden"}
    ).content.decode()
    assert "Onshore power supply for ferries" in fragment
    assert "Landstrøm for skip ved kai" not in fragment  # the writer's own organisation's
    form = client.get("/projects/new/").content.decode()
    assert 'name="check_similar"' in form and 'hx-post="/similar/"' in form
    response = client.post("/projects/new/", {"title": "Landstrøm til skip", "check_similar": "1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Onshore power supply for ferries" in body
    assert 'value="Landstrøm til skip"' in body  # what was typed is kept, nothing was saved
    assert not Project.objects.filter(title="Landstrøm til skip").exists()
    assert Client().get("/similar/", {"title": "Landstrøm"}).status_code == 302  # signed-in people only


def test_reusing_another_organisations_public_project_credits_it_and_counts_only_visible_reuses(shore, login):
    from innocities.coproduction import actions as co
    from innocities.sustainability.actions import save_indicator, set_target

    origin = shore.en_public
    partner = co.save_actor(
        organisation=shore.eskilstuna,
        actor_user=shore.eskilstuna_coordinator,
        name="Mälardalens universitet",
        sector="academia",
        country="SE",
        org_number="",
    )
    co.save_participation(
        project=origin, actor=partner, user=shore.eskilstuna_coordinator, role="expert", depth=3
    )
    indicator = save_indicator(
        organisation=shore.eskilstuna,
        actor=shore.eskilstuna_coordinator,
        kind="kolada",
        code="N00945",
        name="Utsläpp",
        unit="ton",
        direction="lower",
        dimension="ecological",
    )
    set_target(
        indicator=indicator,
        project=origin,
        baseline_value=10,
        baseline_year=2024,
        target_value=5,
        target_year=2027,
        actor=shore.eskilstuna_coordinator,
    )
    record_lesson(
        project=origin,
        actor=shore.eskilstuna_coordinator,
        what_worked="x",
        visibility="public",
        tools={"actor-map": 5},
        catalogue={"actor-map": {"en": "Actor map"}},
    )
    client = login(shore.coordinator)
    url = f"/catalogue/projects/{origin.pk}/reuse/"
    form = client.get(url).content.decode()
    assert "Onshore power supply for ferries" in form and "Actor map" in form and "Academia" in form
    response = client.post(
        url,
        {
            "title": "Landstrøm for ferjer",
            "programme": shore.programme.pk,
            "summary": origin.summary,
            "visibility": "private",
            "language": "nb",
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(title="Landstrøm for ferjer")
    assert project.organisation == shore.halden and project.reuse.origin == origin
    assert project.reuse.sectors == ["academia"]
    assert [i.code for i in project.reuse.indicators.all()] == ["N00945"]
    assert project.reuse.indicators.get().organisation == shore.halden  # in Halden's own library
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Started from" in page and "Onshore power supply for ferries" in page
    # Only public projects of other organisations can be reused.
    assert client.get(f"/catalogue/projects/{shore.sv_private.pk}/reuse/").status_code == 404
    own = client.post(
        f"/catalogue/projects/{shore.nb_public.pk}/reuse/",
        {"title": "x", "programme": shore.programme.pk, "summary": "y", "visibility": "private"},
    )
    assert own.status_code == 400
    # The reuse is private to Halden: the origin's counter shows it to Halden, not to anyone else.
    assert "Reused by 1 organisation" in client.get(origin.get_absolute_url()).content.decode()
    assert "Reused by" not in Client().get(f"/catalogue/projects/{origin.pk}/").content.decode()
    assert "Reused by" not in login(shore.sarpsborg_member).get(origin.get_absolute_url()).content.decode()


def test_platform_staff_edit_the_thesaurus_and_search_follows(shore, login):
    from innocities.accounts.models import User

    staff = User.objects.create_user(
        email="staff@innocities.example", password="x" * 16, full_name="Staff", is_staff=True
    )
    client = login(staff)
    concept = Concept.objects.get(key="shore-power")
    assert client.get(f"/admin/catalogue/concept/{concept.pk}/change/").status_code == 200
    Term.objects.create(concept=concept, language="en", text="ferry charging")
    titles = {h.document.title for h in search.search(AnonymousUser(), "ferry charging").hits}
    assert "Landstrøm for skip ved kai" in titles  # the new term widens the search at once
    assert login(shore.coordinator).get("/admin/catalogue/concept/").status_code in (302, 403)


def test_a_cached_search_forgets_a_project_as_soon_as_its_team_seat_goes(shore, login, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    secret = shore.make_project(title="Hemmelig landstrømpilot", visibility="private")
    outsider = login(shore.eskilstuna_coordinator)
    assert "Hemmelig landstrømpilot" not in outsider.get("/search/", {"q": "landstrøm"}).content.decode()
    actions.set_team_member(
        project=secret, user=shore.eskilstuna_coordinator, role="partner", actor=shore.coordinator
    )
    assert "Hemmelig landstrømpilot" in outsider.get("/search/", {"q": "landstrøm"}).content.decode()
    actions.remove_team_member(project=secret, user=shore.eskilstuna_coordinator, actor=shore.coordinator)
    assert "Hemmelig landstrømpilot" not in outsider.get("/search/", {"q": "landstrøm"}).content.decode()


def test_a_public_draft_challenge_is_not_published_anywhere(world):
    draft = actions.create_challenge(
        organisation=world.halden,
        programme=world.programme,
        actor=world.coordinator,
        title="Utkast til utfordring",
        description="Ikke ferdig.",
        visibility="public",
        status="draft",
    )
    client = Client()
    assert client.get(f"/catalogue/challenges/{draft.pk}/").status_code == 404
    assert "Utkast til utfordring" not in client.get("/search/", {"q": "utkast"}).content.decode()
    assert "Utkast til utfordring" not in client.get("/api/v1/challenges").content.decode()
    assert client.get(f"/api/v1/challenges/{draft.pk}").status_code == 404


def test_a_strange_page_number_never_spoils_the_shared_first_page(shore):
    for n in range(25):
        shore.make_project(title=f"Offentlig prosjekt {n:02d}", visibility="public")
    client = Client()
    last = client.get("/catalogue/", {"page": "-1"}).content.decode()
    first = client.get("/catalogue/").content.decode()
    assert "Page 1 of 2" in first and "Page 1 of 2" in last
