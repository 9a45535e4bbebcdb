{
 "patcher": {
  "fileversion": 1,
  "appversion": {
   "major": 8,
   "minor": 5,
   "revision": 5,
   "architecture": "x64",
   "modernui": 1
  },
  "classnamespace": "box",
  "rect": [
   100,
   100,
   640,
   400
  ],
  "openinpresentation": 1,
  "default_fontsize": 10.0,
  "default_fontname": "Arial Bold",
  "gridsize": [
   8.0,
   8.0
  ],
  "boxes": [
   {
    "box": {
     "id": "title",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      20,
      10,
      200,
      20
     ],
     "text": "Loopsmith",
     "presentation": 1,
     "presentation_rect": [
      6,
      2,
      120,
      18
     ],
     "fontface": 1
    }
   },
   {
    "box": {
     "id": "prompt",
     "maxclass": "textedit",
     "numinlets": 1,
     "numoutlets": 4,
     "patching_rect": [
      20,
      40,
      300,
      40
     ],
     "outlettype": [
      "",
      "int",
      "",
      ""
     ],
     "text": "",
     "presentation": 1,
     "presentation_rect": [
      6,
      22,
      300,
      38
     ],
     "fontsize": 11.0,
     "varname": "prompt"
    }
   },
   {
    "box": {
     "id": "gen",
     "maxclass": "textbutton",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      330,
      40,
      80,
      22
     ],
     "outlettype": [
      "",
      "",
      "int"
     ],
     "text": "Run",
     "presentation": 1,
     "presentation_rect": [
      312,
      22,
      80,
      20
     ],
     "varname": "run",
     "mode": 0
    }
   },
   {
    "box": {
     "id": "trig",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 4,
     "patching_rect": [
      330,
      70,
      60,
      22
     ],
     "outlettype": [
      "bang",
      "bang",
      "bang",
      "bang"
     ],
     "text": "t b b b b"
    }
   },
   {
    "box": {
     "id": "genmsg",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      330,
      100,
      60,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "run"
    }
   },
   {
    "box": {
     "id": "pretext",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      20,
      100,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend text"
    }
   },
   {
    "box": {
     "id": "bars",
     "maxclass": "live.numbox",
     "numinlets": 1,
     "numoutlets": 2,
     "patching_rect": [
      20,
      140,
      44,
      15
     ],
     "outlettype": [
      "",
      "float"
     ],
     "presentation": 1,
     "presentation_rect": [
      6,
      74,
      44,
      15
     ],
     "varname": "bars",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Bars",
       "parameter_shortname": "Bars",
       "parameter_type": 1,
       "parameter_mmin": 0,
       "parameter_mmax": 32,
       "parameter_initial": [
        8
       ],
       "parameter_initial_enable": 1
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "prebars",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      20,
      170,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend bars"
    }
   },
   {
    "box": {
     "id": "seed",
     "maxclass": "live.numbox",
     "numinlets": 1,
     "numoutlets": 2,
     "patching_rect": [
      120,
      140,
      60,
      15
     ],
     "outlettype": [
      "",
      "float"
     ],
     "presentation": 1,
     "presentation_rect": [
      56,
      74,
      60,
      15
     ],
     "varname": "seed",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Seed",
       "parameter_shortname": "Seed",
       "parameter_type": 1,
       "parameter_mmin": 0,
       "parameter_mmax": 999999,
       "parameter_initial": [
        0
       ],
       "parameter_initial_enable": 1
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "preseed",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      120,
      170,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend seed"
    }
   },
   {
    "box": {
     "id": "part",
     "maxclass": "live.menu",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      220,
      140,
      80,
      15
     ],
     "outlettype": [
      "",
      "",
      ""
     ],
     "presentation": 1,
     "presentation_rect": [
      122,
      74,
      80,
      15
     ],
     "varname": "part",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Part",
       "parameter_shortname": "Part",
       "parameter_type": 2,
       "parameter_enum": [
        "Full",
        "Drums",
        "Bass",
        "Chords",
        "Melody",
        "Pad"
       ]
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "prepart",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      220,
      170,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend part"
    }
   },
   {
    "box": {
     "id": "js",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 5,
     "patching_rect": [
      20,
      220,
      300,
      22
     ],
     "outlettype": [
      "",
      "",
      "",
      "",
      ""
     ],
     "text": "js loopsmith.js",
     "saved_object_attributes": {
      "filename": "loopsmith.js",
      "parameter_enable": 0
     }
    }
   },
   {
    "box": {
     "id": "udpsend",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      20,
      270,
      140,
      22
     ],
     "text": "udpsend 127.0.0.1 8766"
    }
   },
   {
    "box": {
     "id": "udprecv",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      20,
      190,
      120,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "udpreceive 8767"
    }
   },
   {
    "box": {
     "id": "progress",
     "maxclass": "slider",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      170,
      270,
      120,
      16
     ],
     "outlettype": [
      ""
     ],
     "presentation": 1,
     "presentation_rect": [
      6,
      114,
      300,
      8
     ],
     "floatoutput": 1,
     "size": 1.0,
     "orientation": 1
    }
   },
   {
    "box": {
     "id": "status",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      170,
      300,
      300,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "choose a tool, press Run (server: ./loopsmith serve)",
     "presentation": 1,
     "presentation_rect": [
      6,
      126,
      390,
      22
     ]
    }
   },
   {
    "box": {
     "id": "reveal",
     "maxclass": "textbutton",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      330,
      140,
      80,
      22
     ],
     "outlettype": [
      "",
      "",
      "int"
     ],
     "text": "Open folder",
     "presentation": 1,
     "presentation_rect": [
      312,
      44,
      80,
      18
     ],
     "mode": 0
    }
   },
   {
    "box": {
     "id": "revealmsg",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      330,
      170,
      50,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "reveal"
    }
   },
   {
    "box": {
     "id": "launch",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      330,
      300,
      220,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": ";\rmax launchbrowser file://$1"
    }
   },
   {
    "box": {
     "id": "thisdevice",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      430,
      40,
      90,
      22
     ],
     "outlettype": [
      "bang",
      "int",
      "int"
     ],
     "text": "live.thisdevice"
    }
   },
   {
    "box": {
     "id": "ping",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      430,
      70,
      40,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "ping"
    }
   },
   {
    "box": {
     "id": "midiin",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      430,
      220,
      50,
      22
     ],
     "outlettype": [
      "int"
     ],
     "text": "midiin"
    }
   },
   {
    "box": {
     "id": "midiout",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      430,
      250,
      55,
      22
     ],
     "text": "midiout"
    }
   },
   {
    "box": {
     "id": "tool",
     "maxclass": "live.menu",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      560,
      40,
      90,
      15
     ],
     "outlettype": [
      "",
      "",
      ""
     ],
     "presentation": 1,
     "presentation_rect": [
      312,
      3,
      80,
      15
     ],
     "varname": "tool",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Tool",
       "parameter_shortname": "Tool",
       "parameter_type": 2,
       "parameter_enum": [
        "Generate",
        "Groove",
        "Drumify",
        "Interpolate"
       ]
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "pretool",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      560,
      70,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend tool"
    }
   },
   {
    "box": {
     "id": "genre",
     "maxclass": "textedit",
     "numinlets": 1,
     "numoutlets": 4,
     "patching_rect": [
      560,
      110,
      100,
      18
     ],
     "outlettype": [
      "",
      "int",
      "",
      ""
     ],
     "text": "",
     "presentation": 1,
     "presentation_rect": [
      208,
      74,
      60,
      15
     ],
     "fontsize": 9.0,
     "varname": "genre",
     "lines": 1,
     "keymode": 1
    }
   },
   {
    "box": {
     "id": "pregenre",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      560,
      140,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend genre"
    }
   },
   {
    "box": {
     "id": "genreclear",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      670,
      110,
      40,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "genre"
    }
   },
   {
    "box": {
     "id": "amount",
     "maxclass": "live.numbox",
     "numinlets": 1,
     "numoutlets": 2,
     "patching_rect": [
      660,
      40,
      44,
      15
     ],
     "outlettype": [
      "",
      "float"
     ],
     "presentation": 1,
     "presentation_rect": [
      274,
      74,
      44,
      15
     ],
     "varname": "amount",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Amount",
       "parameter_shortname": "Amount",
       "parameter_type": 0,
       "parameter_mmin": 0.0,
       "parameter_mmax": 1.0,
       "parameter_initial": [
        1.0
       ],
       "parameter_initial_enable": 1,
       "parameter_unitstyle": 1
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "preamount",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      660,
      70,
      90,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend amount"
    }
   },
   {
    "box": {
     "id": "steps",
     "maxclass": "live.numbox",
     "numinlets": 1,
     "numoutlets": 2,
     "patching_rect": [
      760,
      40,
      40,
      15
     ],
     "outlettype": [
      "",
      "float"
     ],
     "presentation": 1,
     "presentation_rect": [
      324,
      74,
      40,
      15
     ],
     "varname": "steps",
     "saved_attribute_attributes": {
      "valueof": {
       "parameter_longname": "Steps",
       "parameter_shortname": "Steps",
       "parameter_type": 1,
       "parameter_mmin": 3,
       "parameter_mmax": 16,
       "parameter_initial": [
        5
       ],
       "parameter_initial_enable": 1
      }
     },
     "parameter_enable": 1
    }
   },
   {
    "box": {
     "id": "presteps",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      760,
      70,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend steps"
    }
   },
   {
    "box": {
     "id": "seta",
     "maxclass": "textbutton",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      560,
      180,
      50,
      20
     ],
     "outlettype": [
      "",
      "",
      "int"
     ],
     "text": "Set A",
     "presentation": 1,
     "presentation_rect": [
      6,
      94,
      44,
      16
     ],
     "mode": 0,
     "varname": "seta"
    }
   },
   {
    "box": {
     "id": "setamsg",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      560,
      210,
      40,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "seta"
    }
   },
   {
    "box": {
     "id": "setb",
     "maxclass": "textbutton",
     "numinlets": 1,
     "numoutlets": 3,
     "patching_rect": [
      620,
      180,
      50,
      20
     ],
     "outlettype": [
      "",
      "",
      "int"
     ],
     "text": "Set B",
     "presentation": 1,
     "presentation_rect": [
      54,
      94,
      44,
      16
     ],
     "mode": 0,
     "varname": "setb"
    }
   },
   {
    "box": {
     "id": "setbmsg",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      620,
      210,
      40,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "setb"
    }
   },
   {
    "box": {
     "id": "clips",
     "maxclass": "message",
     "numinlets": 2,
     "numoutlets": 1,
     "patching_rect": [
      560,
      300,
      240,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "A: not set   B: not set",
     "presentation": 1,
     "presentation_rect": [
      104,
      94,
      288,
      16
     ]
    }
   },
   {
    "box": {
     "id": "lbars",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      60,
      80,
      18
     ],
     "text": "Bars",
     "presentation": 1,
     "presentation_rect": [
      6,
      62,
      44,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "lseed",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      80,
      80,
      18
     ],
     "text": "Seed (0 = any)",
     "presentation": 1,
     "presentation_rect": [
      56,
      62,
      64,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "lpart",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      100,
      80,
      18
     ],
     "text": "Part",
     "presentation": 1,
     "presentation_rect": [
      122,
      62,
      80,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "lgenre",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      120,
      80,
      18
     ],
     "text": "Genre",
     "presentation": 1,
     "presentation_rect": [
      208,
      62,
      60,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "lamount",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      140,
      80,
      18
     ],
     "text": "Amount",
     "presentation": 1,
     "presentation_rect": [
      274,
      62,
      44,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "lsteps",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      160,
      80,
      18
     ],
     "text": "Steps",
     "presentation": 1,
     "presentation_rect": [
      324,
      62,
      40,
      12
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "ltool",
     "maxclass": "comment",
     "numinlets": 1,
     "numoutlets": 0,
     "patching_rect": [
      820,
      20,
      40,
      18
     ],
     "text": "Tool",
     "presentation": 1,
     "presentation_rect": [
      284,
      3,
      28,
      14
     ],
     "fontsize": 9.0
    }
   },
   {
    "box": {
     "id": "preosc",
     "maxclass": "newobj",
     "numinlets": 1,
     "numoutlets": 1,
     "patching_rect": [
      150,
      190,
      80,
      22
     ],
     "outlettype": [
      ""
     ],
     "text": "prepend osc"
    }
   }
  ],
  "lines": [
   {
    "patchline": {
     "source": [
      "gen",
      0
     ],
     "destination": [
      "trig",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "trig",
      1
     ],
     "destination": [
      "prompt",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "trig",
      0
     ],
     "destination": [
      "genmsg",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "genmsg",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "prompt",
      0
     ],
     "destination": [
      "pretext",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "pretext",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "bars",
      0
     ],
     "destination": [
      "prebars",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "prebars",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "seed",
      0
     ],
     "destination": [
      "preseed",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "preseed",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "part",
      1
     ],
     "destination": [
      "prepart",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "prepart",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "udprecv",
      0
     ],
     "destination": [
      "preosc",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "js",
      0
     ],
     "destination": [
      "udpsend",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "js",
      1
     ],
     "destination": [
      "progress",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "js",
      2
     ],
     "destination": [
      "status",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "js",
      3
     ],
     "destination": [
      "launch",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "reveal",
      0
     ],
     "destination": [
      "revealmsg",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "revealmsg",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "thisdevice",
      0
     ],
     "destination": [
      "ping",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "ping",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "midiin",
      0
     ],
     "destination": [
      "midiout",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "tool",
      1
     ],
     "destination": [
      "pretool",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "pretool",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "genre",
      0
     ],
     "destination": [
      "pregenre",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "pregenre",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "genreclear",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "trig",
      3
     ],
     "destination": [
      "genreclear",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "trig",
      2
     ],
     "destination": [
      "genre",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "amount",
      0
     ],
     "destination": [
      "preamount",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "preamount",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "steps",
      0
     ],
     "destination": [
      "presteps",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "presteps",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "seta",
      0
     ],
     "destination": [
      "setamsg",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "setamsg",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "setb",
      0
     ],
     "destination": [
      "setbmsg",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "setbmsg",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "js",
      4
     ],
     "destination": [
      "clips",
      0
     ]
    }
   },
   {
    "patchline": {
     "source": [
      "preosc",
      0
     ],
     "destination": [
      "js",
      0
     ]
    }
   }
  ],
  "dependency_cache": [
   {
    "name": "loopsmith.js",
    "bootpath": ".",
    "type": "TEXT",
    "implicit": 1
   }
  ],
  "autosave": 0,
  "description": "Loopsmith: a prompt or the selected clip \u2192 OSC \u2192 loopsmith serve \u2192 a MIDI clip in Session View",
  "digest": "",
  "tags": "loopsmith"
 }
}
