#!/usr/bin/env node
// Reads the sources of a Dash component suite and writes their metadata in the shape of Dash's metadata.json:
//   { "<file>": { "displayName", "description", "props": { "<prop>": { "type", "required", "description",
//                 "defaultValue": { "value", "computed" } } } } }
// JavaScript components (propTypes) are read by react-docgen; TypeScript components (.tsx / .ts) by the
// TypeScript compiler: the props are the first parameter of the default export, their types are turned into the
// same PropTypes vocabulary (string, number, bool, node, arrayOf, shape, objectOf, union, enum, ...).
//
// usage: node extract.mjs <root> <out.json> <file relative to root>...
import fs from 'node:fs';
import path from 'node:path';
import {parse as parseWithDocgen} from 'react-docgen';
import ts from 'typescript';

const [root, out, ...files] = process.argv.slice(2);
if (!root || !out || files.length === 0) {
    process.stderr.write('usage: node extract.mjs <root> <out.json> <file>...\n');
    process.exit(2);
}

const metadata = {};
const skipped = [];

const componentName = file => path.basename(file).split('.')[0];

// ---- JavaScript: propTypes, through react-docgen ----------------------------------------------------------------

function readPropTypes(file) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    let docs;
    try {
        docs = parseWithDocgen(source, {filename: path.join(root, file), babelOptions: {babelrc: false, configFile: false}});
    } catch (e) {
        if (e && e.code === 'ERR_REACTDOCGEN_MISSING_DEFINITION') {
            skipped.push(file);
            return;
        }
        throw new Error(`${file}: ${e.message}`);
    }
    const name = componentName(file);
    const doc = docs.find(d => d.displayName === name) || docs[0];
    metadata[file] = {
        displayName: name,
        description: doc.description || '',
        props: doc.props || {},
    };
}

// ---- TypeScript: the compiler's view of the props' declared types -----------------------------------------------

const NODE_NAMES = new Set(['ReactNode', 'React.ReactNode', 'DashComponent', 'ReactChild', 'React.ReactChild']);
const ELEMENT_NAMES = new Set(['ReactElement', 'React.ReactElement', 'JSX.Element', 'Element']);
const OBJECT_NAMES = new Set(['CSSProperties', 'React.CSSProperties', 'object', 'Object']);
const MAX_DEPTH = 6;

function readTypeScript(tsFiles) {
    const program = ts.createProgram(tsFiles.map(f => path.join(root, f)), {
        jsx: ts.JsxEmit.Preserve,
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        allowJs: true,
        noEmit: true,
        skipLibCheck: true,
        baseUrl: root,
        // dcc's lib/ keeps imports written against its repository's src/
        paths: {'src/*': ['src/*', 'lib/*']},
    });
    const checker = program.getTypeChecker();

    for (const file of tsFiles) {
        const source = program.getSourceFile(path.join(root, file));
        const fn = source && findComponentFunction(source, checker, componentName(file));
        if (!fn) {
            skipped.push(file);
            continue;
        }
        metadata[file] = {
            displayName: componentName(file),
            description: describeDeclaration(fn, checker),
            props: readProps(fn, checker),
        };
    }
}

function findComponentFunction(source, checker, name) {
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const exported = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find(s => s.escapedName === 'default');
    let symbol = exported;
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
        symbol = checker.getAliasedSymbol(symbol);
    }
    const candidates = [...(symbol?.declarations ?? [])];
    ts.forEachChild(source, n => {
        if ((ts.isFunctionDeclaration(n) && n.name?.text === name)
            || (ts.isVariableStatement(n) && n.declarationList.declarations.some(d => d.name.getText() === name))) {
            candidates.push(n);
        }
    });
    for (const candidate of candidates) {
        const fn = functionOf(candidate);
        if (fn && fn.parameters.length > 0) {
            return fn;
        }
    }
    return null;
}

// The function behind a declaration: function X(..), const X = (..) => .., const X = React.memo((..) => ..)
function functionOf(node) {
    if (!node) {
        return null;
    }
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        return node;
    }
    if (ts.isVariableStatement(node)) {
        return functionOf(node.declarationList.declarations[0]);
    }
    if (ts.isVariableDeclaration(node)) {
        return functionOf(node.initializer);
    }
    if (ts.isCallExpression(node)) {
        return node.arguments.map(functionOf).find(Boolean) ?? null;
    }
    if (ts.isExportAssignment(node)) {
        return functionOf(node.expression);
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
        return functionOf(node.expression);
    }
    return null;
}

function describeDeclaration(fn, checker) {
    let holder = fn;
    while (holder && !ts.isFunctionDeclaration(holder) && !ts.isVariableStatement(holder)) {
        holder = holder.parent;
    }
    const name = holder && (ts.isFunctionDeclaration(holder) ? holder.name : holder.declarationList.declarations[0].name);
    const symbol = name && checker.getSymbolAtLocation(name);
    return symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';
}

function readProps(fn, checker) {
    const param = fn.parameters[0];
    const defaults = defaultsOf(param);
    const propsType = checker.getTypeAtLocation(param.type ?? param);
    const props = {};
    for (const symbol of checker.getPropertiesOfType(propsType)) {
        const name = symbol.getName();
        const declaration = symbol.declarations?.[0];
        const typeNode = declaration && declaration.type;
        const prop = {
            description: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
            required: !(symbol.flags & ts.SymbolFlags.Optional) && !(name in defaults),
            type: typeNode ? typeOf(typeNode, checker, 0) : {name: 'any'},
        };
        if (name in defaults) {
            prop.defaultValue = {value: defaults[name], computed: false};
        }
        props[name] = prop;
    }
    return props;
}

// The defaults written in the destructured parameter: function X({value = 'a', type: kind = 'b'}: Props)
function defaultsOf(param) {
    const defaults = {};
    if (ts.isObjectBindingPattern(param.name)) {
        for (const element of param.name.elements) {
            if (element.initializer) {
                const name = (element.propertyName ?? element.name).getText();
                defaults[name] = element.initializer.getText();
            }
        }
    }
    return defaults;
}

function typeOf(node, checker, depth) {
    if (depth > MAX_DEPTH) {
        return {name: 'any'};
    }
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword: return {name: 'string'};
        case ts.SyntaxKind.NumberKeyword: return {name: 'number'};
        case ts.SyntaxKind.BooleanKeyword: return {name: 'bool'};
        case ts.SyntaxKind.ObjectKeyword: return {name: 'object'};
        case ts.SyntaxKind.AnyKeyword:
        case ts.SyntaxKind.UnknownKeyword: return {name: 'any'};
        case ts.SyntaxKind.ParenthesizedType:
        case ts.SyntaxKind.TypeOperator: return typeOf(node.type, checker, depth);
        case ts.SyntaxKind.ArrayType: return {name: 'arrayOf', value: typeOf(node.elementType, checker, depth + 1)};
        case ts.SyntaxKind.TupleType: return {name: 'array'};
        case ts.SyntaxKind.FunctionType: return {name: 'func'};
        case ts.SyntaxKind.LiteralType: return literalOf(node.literal);
        case ts.SyntaxKind.UnionType: return unionOf(node.types.map(t => typeOf(t, checker, depth)));
        case ts.SyntaxKind.TypeLiteral: return membersOf(node.members, checker, depth);
        case ts.SyntaxKind.TypeReference: return referenceOf(node, checker, depth);
        default: return {name: 'any'};
    }
}

function literalOf(literal) {
    switch (literal.kind) {
        case ts.SyntaxKind.StringLiteral: return {name: 'enum', value: [{value: `'${literal.text}'`, computed: false}]};
        case ts.SyntaxKind.NumericLiteral: return {name: 'enum', value: [{value: literal.text, computed: false}]};
        case ts.SyntaxKind.TrueKeyword:
        case ts.SyntaxKind.FalseKeyword: return {name: 'bool'};
        case ts.SyntaxKind.NullKeyword: return {name: 'null'};
        default: return {name: 'any'};
    }
}

// null and undefined drop out; literals merge into one enum; a single member stands for itself
function unionOf(members) {
    const kept = [];
    const flat = members.flatMap(m => (m.name === 'union' ? m.value : [m]));
    for (const member of flat.filter(m => m.name !== 'null' && m.name !== 'undefined')) {
        const previous = kept.find(k => k.name === member.name && (member.name === 'enum' || !member.value));
        if (previous && member.name === 'enum') {
            previous.value = [...previous.value, ...member.value];
        } else if (!previous) {
            kept.push(member);
        }
    }
    return kept.length === 1 ? kept[0] : {name: 'union', value: kept};
}

function membersOf(members, checker, depth) {
    const index = members.find(ts.isIndexSignatureDeclaration);
    if (index) {
        return {name: 'objectOf', value: typeOf(index.type, checker, depth + 1)};
    }
    const value = {};
    for (const member of members.filter(ts.isPropertySignature)) {
        const symbol = checker.getSymbolAtLocation(member.name);
        value[member.name.getText()] = {
            ...(member.type ? typeOf(member.type, checker, depth + 1) : {name: 'any'}),
            required: !member.questionToken,
            description: symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '',
        };
    }
    return {name: 'shape', value};
}

function referenceOf(node, checker, depth) {
    const name = node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (NODE_NAMES.has(name)) {
        return {name: 'node'};
    }
    if (ELEMENT_NAMES.has(name)) {
        return {name: 'element'};
    }
    if (OBJECT_NAMES.has(name)) {
        return {name: 'object'};
    }
    if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1) {
        return {name: 'arrayOf', value: typeOf(args[0], checker, depth + 1)};
    }
    if (name === 'Record' && args.length === 2) {
        return {name: 'objectOf', value: typeOf(args[1], checker, depth + 1)};
    }
    let symbol = checker.getSymbolAtLocation(node.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
        symbol = checker.getAliasedSymbol(symbol);
    }
    const declaration = symbol?.declarations?.[0];
    if (!declaration) {
        return {name: 'any'};
    }
    if (ts.isTypeAliasDeclaration(declaration)) {
        return typeOf(declaration.type, checker, depth + 1);
    }
    if (ts.isInterfaceDeclaration(declaration)) {
        return interfaceOf(symbol, checker, depth);
    }
    if (ts.isEnumDeclaration(declaration)) {
        return {
            name: 'enum',
            value: declaration.members.map(m => ({value: m.initializer ? m.initializer.getText() : m.name.getText(), computed: false})),
        };
    }
    return {name: 'any'};
}

function interfaceOf(symbol, checker, depth) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (checker.getIndexInfosOfType(type).length > 0 && checker.getPropertiesOfType(type).length === 0) {
        return {name: 'object'};
    }
    const value = {};
    for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.declarations?.[0];
        value[property.getName()] = {
            ...(declaration?.type ? typeOf(declaration.type, checker, depth + 1) : {name: 'any'}),
            required: !(property.flags & ts.SymbolFlags.Optional),
            description: ts.displayPartsToString(property.getDocumentationComment(checker)).trim(),
        };
    }
    return {name: 'shape', value};
}

// ---- main -------------------------------------------------------------------------------------------------------

const isTypeScript = f => /\.tsx?$/.test(f);
files.filter(f => !isTypeScript(f)).forEach(readPropTypes);
const tsFiles = files.filter(isTypeScript);
if (tsFiles.length > 0) {
    readTypeScript(tsFiles);
}
fs.writeFileSync(out, JSON.stringify(metadata, null, 2));
process.stderr.write(`${Object.keys(metadata).length} components read`
    + (skipped.length ? `, no component found in ${skipped.join(', ')}` : '') + '\n');
