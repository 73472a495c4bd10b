from nghiquyet.organisations.models import Unit, encode_step, path_upper_bound


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
