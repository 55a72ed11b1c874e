"""Common Danish first names, lowercased, for masking (see masking.py).

Names that are also ordinary Danish words ("Bo", "Per", "Liv", "Tom", "Storm", "Aske", "Mark",
"Sten", "Lærke", "Kim", "Sol") are left out: a sentence starting with the word would be masked.
The cue words in masking.py still catch them after "min lærer", "hedder" and the like.
"""

FIRST_NAMES = frozenset(
    """
aage adam agnes ahmad ahmed aisha albert alberte alexander alfred ali alice alma amalie
amanda anders andreas anna anne annette anni anton arne asger asta august axel benjamin
bent berit bertram birgit birgitte bjarne bjørn camilla carl caroline casper cecilie charlotte
christian christina christine clara dagmar daniel david dorthe ebbe elias elin ella ellen
elsa elsebeth emil emilie emma erik esben esther eva filip flemming frederik freja frida
gitte gustav hanna hanne hans helene helle henning henrik holger ib ida inge inger ingrid
isabella jacob jakob jan jannik jens jeppe jesper johan johanne johannes jonas jonathan
josefine julie julius jørgen kaj karen karin karl karoline kasper katrine kirsten klara
kristian lars laura lea lene lars lasse leo line lise lone louise lucas lukas lulu magnus
maja malou malte marcus mads maria marianne marie mathias mathilde mette michael mie mikkel
mille mohammed morten nanna nicolai niels nikolaj nina noah nora ole oliver olivia oscar
oskar otto peter pernille philip pia poul rasmus rikke rosa sara sarah sebastian signe
simon sofia sofie stine susanne svend thomas tine tobias trine ulla ulrik valdemar victor
viktor vigga villads vilma william yasmin zainab zara
""".split()
)
