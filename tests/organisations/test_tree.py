from random import Random

import pytest
from django.core.exceptions import ValidationError

from nghiquyet.organisations.models import Unit, encode_step, path_upper_bound
from nghiquyet.organisations.synthetic import generate_tree, tree_size


def test_subtree_and_ancestors(tree):
    province, district_a = tree["province"], tree["district_a"]
    subtree = set(Unit.objects.subtree_of(district_a).values_list("code", flat=True))
    assert subtree == {"HU-A", "X-A", "CB-A"}
    ancestors = list(Unit.objects.ancestors_of(tree["cell_a"]).values_list("code", flat=True))
    assert ancestors == ["TU", "HU-A", "X-A"]
    assert set(Unit.objects.subtree_of(province).values_list("code", flat=True)) == set(
        Unit.objects.values_list("code", flat=True)
    )


def test_moving_a_unit_moves_its_subtree(tree):
    commune = tree["commune_a"]
    commune.parent = tree["district_b"]
    commune.save()
    cell = Unit.objects.get(code="CB-A")
    assert cell.path.startswith(tree["district_b"].path)
    assert cell.depth == 4
    assert set(Unit.objects.subtree_of(tree["district_a"]).values_list("code", flat=True)) == {"HU-A"}


def test_path_bounds():
    assert path_upper_bound("00000z") == "00001"
    assert path_upper_bound("zz") == "~"
    assert encode_step(36) == "000010"


def parent_walk_maps():
    """Children and parents from the ``parent`` column alone: the baseline truth."""
    children, parents = {}, {}
    for pk, parent_id in Unit.objects.values_list("pk", "parent_id"):
        parents[pk] = parent_id
        children.setdefault(parent_id, []).append(pk)
    return children, parents


def walk_down(children, pk):
    found, stack = set(), [pk]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(children.get(current, []))
    return found


def walk_up(parents, pk):
    chain = []
    while parents[pk] is not None:
        pk = parents[pk]
        chain.append(pk)
    return list(reversed(chain))


@pytest.mark.slow
def test_subtree_and_ancestors_on_a_generated_tree(kinds):
    shape = (20, 10, 8, 6)
    root = generate_tree(shape)
    assert Unit.objects.count() == tree_size(shape) == 11_421
    # A move through save() rewrites the paths of a whole branch.
    branch = Unit.objects.get(code="G.3.4")
    branch.parent = Unit.objects.get(code="G.17")
    branch.save()
    children, parents = parent_walk_maps()
    random = Random(7)
    sample = random.sample(list(parents), 60) + [root.pk, branch.pk]
    for unit in Unit.objects.filter(pk__in=sample):
        subtree = set(Unit.objects.subtree_of(unit).values_list("pk", flat=True))
        assert subtree == walk_down(children, unit.pk), unit.code
        ancestors = list(Unit.objects.ancestors_of(unit).values_list("pk", flat=True))
        assert ancestors == walk_up(parents, unit.pk), unit.code
        assert unit.depth == len(ancestors) + 1
    assert Unit.objects.subtree_of(root).count() == tree_size(shape)
    # G.17 keeps its own 571 units and gains the 57 of the moved branch.
    assert Unit.objects.subtree_of(Unit.objects.get(code="G.17")).count() == tree_size((10, 8, 6)) + tree_size((8, 6))


def test_new_units_after_a_generated_tree_get_fresh_ids(kinds):
    generate_tree((3, 2))
    unit = Unit.objects.create(code="NEW", name="Đơn vị mới", kind=kinds["tinh_uy"])
    assert unit.path == encode_step(unit.pk)
    assert Unit.objects.subtree_of(unit).count() == 1


def test_a_unit_cannot_move_under_its_own_subtree(tree):
    district = tree["district_a"]
    district.parent = tree["cell_a"]
    with pytest.raises(ValidationError):
        district.save()
