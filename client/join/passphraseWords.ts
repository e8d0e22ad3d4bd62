/**
 * Plain, calm, easy-to-spell English words for suggested passphrases: no names, nothing
 * unpleasant, nothing that reads as a diagnosis. Four words from 487 give about 35 bits;
 * with the slow hash and sign-in throttling on the server, that is far beyond guessing.
 */
export const PASSPHRASE_WORDS: readonly string[] = `
acorn agate alder almond amber anchor apple apricot arbor arch aspen aster attic autumn
badge baker balm bamboo banjo barley basil basket beacon bean beech berry birch biscuit
blanket bloom blossom bluebell boat bonnet bough bracken branch bread breeze brick bridge
brook broom bubble bucket bud bulb bundle butter button cabin cactus cake calm camel candle
canoe canyon caramel cargo carpet carrot castle cedar cello chalk cherry chestnut cider
cinnamon clay clover cobble cocoa comet compass copper coral cotton cove cradle crane crayon
creek cricket crocus crystal cuckoo cupboard curtain cushion daisy dawn delta denim desk
dewdrop dolphin dove dragon drift drum dune eagle echo eddy elm ember engine fable falcon
fawn feather fennel fern ferry fiddle field fig finch fjord flame flannel flax fleece flint
flute foam forest fossil fountain fox frost garden garnet gentle geyser ginger glacier glade
glow gourd grain granite grape grove gull hammock harbour harp harvest hazel heather hedge
heron hill hollow honey horizon hush iris island ivy jacket jade jasmine jelly jetty journey
juniper kayak kettle kite kiwi knot lagoon lake lantern larch lark lavender leaf ledge lemon
lentil library lilac lily linen lodge lotus lullaby lupin maple marble marigold meadow
melody melon meteor midnight mint mist mitten moon moss mountain muffin mural myrtle nectar
nest nettle nook nutmeg oak oasis oat ocean olive onyx orbit orchard orchid otter owl paddle
pancake panda paper parsley pasture peach pearl pebble pepper petal piano pigeon pillow pine
pistachio plum pocket pond poppy porch prairie puffin pumpkin quail quartz quill quilt
rabbit radish rain raisin raven reed ribbon ridge ripple river robin rocket rose rowan ruby
saffron sage sail salmon sand satin scarf sea seashell seed shadow shelter shore silk silver
sketch sky sleigh slipper snow sorrel sparrow spice spindle spring spruce star stone stream
summit sunrise swallow swan sycamore syrup tangerine teapot teal thistle thyme tide timber
toffee topaz tortoise towel tulip tundra turnip twig umbrella valley velvet violet voyage
walnut walrus warbler wave wheat whistle willow window winter wren yarrow yew yogurt zephyr
zinnia acrobat album alpine anthem apron arrow atlas avocado ballad balloon banner barn bay
beetle bell bench blueberry bobbin bonfire bottle boulder bramble brush camera canvas
cardigan cashew cathedral cavern chapel chime chisel cliff cloud coconut cobalt cocoon
cookie cornflower cosmos cottage crescent croft cumin dahlia domino duvet easel emerald
evening falls firefly flagstone flower folio fudge galaxy gazebo glimmer goblet gondola
gravel hamlet hearth hedgehog hilltop honeybee icicle indigo inkwell jigsaw jubilee kernel
kindle ladder lemonade lighthouse lime llama locket loom magnolia mallow mango marsh mosaic
moth nightjar noodle oatmeal orange origami paddock pansy parcel pathway pelican peony
pinecone planet plaza pollen postcard primrose puddle quiver rainbow rampart reef rhubarb
riverbank rockpool rosemary saddle sailboat sapphire satchel scone sequoia sherbet skylark
snowdrop sonnet spoon squirrel starling stork strawberry sunflower teacup terrace thimble
thrush tinsel trellis trumpet tugboat tunnel vanilla village waffle waterfall weaver wicker
wildflower windmill woodland yacht
`
  .split(/\s+/)
  .filter(Boolean)
